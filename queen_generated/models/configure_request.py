from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.queue_options import QueueOptions


T = TypeVar("T", bound="ConfigureRequest")


@_attrs_define
class ConfigureRequest:
    """
    Attributes:
        queue (str): Queue name.
        namespace (str | Unset): Free-text grouping label; "" when absent.
        task (str | Unset): Second free-text grouping label; "" when absent.
        options (QueueOptions | Unset): Queue options. Keys not listed are ignored. Values not sent are reset to the
            defaults
            shown here.
    """

    queue: str
    namespace: str | Unset = UNSET
    task: str | Unset = UNSET
    options: QueueOptions | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        queue = self.queue

        namespace = self.namespace

        task = self.task

        options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = self.options.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "queue": queue,
            }
        )
        if namespace is not UNSET:
            field_dict["namespace"] = namespace
        if task is not UNSET:
            field_dict["task"] = task
        if options is not UNSET:
            field_dict["options"] = options

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.queue_options import QueueOptions

        d = dict(src_dict)
        queue = d.pop("queue")

        namespace = d.pop("namespace", UNSET)

        task = d.pop("task", UNSET)

        _options = d.pop("options", UNSET)
        options: QueueOptions | Unset
        if isinstance(_options, Unset):
            options = UNSET
        else:
            options = QueueOptions.from_dict(_options)

        configure_request = cls(
            queue=queue,
            namespace=namespace,
            task=task,
            options=options,
        )

        configure_request.additional_properties = d
        return configure_request

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
