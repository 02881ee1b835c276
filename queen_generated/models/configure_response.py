from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.queue_options import QueueOptions


T = TypeVar("T", bound="ConfigureResponse")


@_attrs_define
class ConfigureResponse:
    """
    Attributes:
        configured (bool):
        queue (str):
        queue_id (str | Unset):
        partition_id (str | Unset): Id of the queue's `Default` partition.
        namespace (str | Unset):
        task (str | Unset):
        options (QueueOptions | Unset): Queue options. Keys not listed are ignored. Values not sent are reset to the
            defaults
            shown here.
    """

    configured: bool
    queue: str
    queue_id: str | Unset = UNSET
    partition_id: str | Unset = UNSET
    namespace: str | Unset = UNSET
    task: str | Unset = UNSET
    options: QueueOptions | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        configured = self.configured

        queue = self.queue

        queue_id = self.queue_id

        partition_id = self.partition_id

        namespace = self.namespace

        task = self.task

        options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = self.options.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "configured": configured,
                "queue": queue,
            }
        )
        if queue_id is not UNSET:
            field_dict["queueId"] = queue_id
        if partition_id is not UNSET:
            field_dict["partitionId"] = partition_id
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
        configured = d.pop("configured")

        queue = d.pop("queue")

        queue_id = d.pop("queueId", UNSET)

        partition_id = d.pop("partitionId", UNSET)

        namespace = d.pop("namespace", UNSET)

        task = d.pop("task", UNSET)

        _options = d.pop("options", UNSET)
        options: QueueOptions | Unset
        if isinstance(_options, Unset):
            options = UNSET
        else:
            options = QueueOptions.from_dict(_options)

        configure_response = cls(
            configured=configured,
            queue=queue,
            queue_id=queue_id,
            partition_id=partition_id,
            namespace=namespace,
            task=task,
            options=options,
        )

        configure_response.additional_properties = d
        return configure_response

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
