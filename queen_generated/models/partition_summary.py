from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.message_counts import MessageCounts


T = TypeVar("T", bound="PartitionSummary")


@_attrs_define
class PartitionSummary:
    """
    Attributes:
        id (str | Unset):
        name (str | Unset):
        queue (str | Unset):
        namespace (str | Unset):
        task (str | Unset):
        created_at (str | Unset):
        last_activity (None | str | Unset):
        messages (MessageCounts | Unset): Message counts by derived status.
    """

    id: str | Unset = UNSET
    name: str | Unset = UNSET
    queue: str | Unset = UNSET
    namespace: str | Unset = UNSET
    task: str | Unset = UNSET
    created_at: str | Unset = UNSET
    last_activity: None | str | Unset = UNSET
    messages: MessageCounts | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        id = self.id

        name = self.name

        queue = self.queue

        namespace = self.namespace

        task = self.task

        created_at = self.created_at

        last_activity: None | str | Unset
        if isinstance(self.last_activity, Unset):
            last_activity = UNSET
        else:
            last_activity = self.last_activity

        messages: dict[str, Any] | Unset = UNSET
        if not isinstance(self.messages, Unset):
            messages = self.messages.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if queue is not UNSET:
            field_dict["queue"] = queue
        if namespace is not UNSET:
            field_dict["namespace"] = namespace
        if task is not UNSET:
            field_dict["task"] = task
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if last_activity is not UNSET:
            field_dict["lastActivity"] = last_activity
        if messages is not UNSET:
            field_dict["messages"] = messages

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.message_counts import MessageCounts

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        name = d.pop("name", UNSET)

        queue = d.pop("queue", UNSET)

        namespace = d.pop("namespace", UNSET)

        task = d.pop("task", UNSET)

        created_at = d.pop("createdAt", UNSET)

        def _parse_last_activity(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_activity = _parse_last_activity(d.pop("lastActivity", UNSET))

        _messages = d.pop("messages", UNSET)
        messages: MessageCounts | Unset
        if isinstance(_messages, Unset):
            messages = UNSET
        else:
            messages = MessageCounts.from_dict(_messages)

        partition_summary = cls(
            id=id,
            name=name,
            queue=queue,
            namespace=namespace,
            task=task,
            created_at=created_at,
            last_activity=last_activity,
            messages=messages,
        )

        partition_summary.additional_properties = d
        return partition_summary

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
