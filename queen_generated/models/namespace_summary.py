from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.message_counts import MessageCounts


T = TypeVar("T", bound="NamespaceSummary")


@_attrs_define
class NamespaceSummary:
    """
    Attributes:
        namespace (str | Unset):
        queues (int | Unset):
        partitions (int | Unset):
        messages (MessageCounts | Unset): Message counts by derived status.
    """

    namespace: str | Unset = UNSET
    queues: int | Unset = UNSET
    partitions: int | Unset = UNSET
    messages: MessageCounts | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        namespace = self.namespace

        queues = self.queues

        partitions = self.partitions

        messages: dict[str, Any] | Unset = UNSET
        if not isinstance(self.messages, Unset):
            messages = self.messages.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if namespace is not UNSET:
            field_dict["namespace"] = namespace
        if queues is not UNSET:
            field_dict["queues"] = queues
        if partitions is not UNSET:
            field_dict["partitions"] = partitions
        if messages is not UNSET:
            field_dict["messages"] = messages

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.message_counts import MessageCounts

        d = dict(src_dict)
        namespace = d.pop("namespace", UNSET)

        queues = d.pop("queues", UNSET)

        partitions = d.pop("partitions", UNSET)

        _messages = d.pop("messages", UNSET)
        messages: MessageCounts | Unset
        if isinstance(_messages, Unset):
            messages = UNSET
        else:
            messages = MessageCounts.from_dict(_messages)

        namespace_summary = cls(
            namespace=namespace,
            queues=queues,
            partitions=partitions,
            messages=messages,
        )

        namespace_summary.additional_properties = d
        return namespace_summary

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
