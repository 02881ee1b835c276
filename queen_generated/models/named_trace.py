from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="NamedTrace")


@_attrs_define
class NamedTrace:
    """
    Attributes:
        id (str | Unset):
        transaction_id (str | Unset):
        partition_id (str | Unset):
        event_type (str | Unset):
        data (Any | Unset): The event's data.
        consumer_group (str | Unset):
        worker_id (str | Unset):
        created_at (str | Unset):
        queue_name (str | Unset):
        partition_name (str | Unset):
        message_payload (Any | Unset): The message's payload as stored (not decrypted).
        trace_names (list[str] | Unset):
    """

    id: str | Unset = UNSET
    transaction_id: str | Unset = UNSET
    partition_id: str | Unset = UNSET
    event_type: str | Unset = UNSET
    data: Any | Unset = UNSET
    consumer_group: str | Unset = UNSET
    worker_id: str | Unset = UNSET
    created_at: str | Unset = UNSET
    queue_name: str | Unset = UNSET
    partition_name: str | Unset = UNSET
    message_payload: Any | Unset = UNSET
    trace_names: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        transaction_id = self.transaction_id

        partition_id = self.partition_id

        event_type = self.event_type

        data = self.data

        consumer_group = self.consumer_group

        worker_id = self.worker_id

        created_at = self.created_at

        queue_name = self.queue_name

        partition_name = self.partition_name

        message_payload = self.message_payload

        trace_names: list[str] | Unset = UNSET
        if not isinstance(self.trace_names, Unset):
            trace_names = self.trace_names

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if transaction_id is not UNSET:
            field_dict["transaction_id"] = transaction_id
        if partition_id is not UNSET:
            field_dict["partition_id"] = partition_id
        if event_type is not UNSET:
            field_dict["event_type"] = event_type
        if data is not UNSET:
            field_dict["data"] = data
        if consumer_group is not UNSET:
            field_dict["consumer_group"] = consumer_group
        if worker_id is not UNSET:
            field_dict["worker_id"] = worker_id
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if queue_name is not UNSET:
            field_dict["queue_name"] = queue_name
        if partition_name is not UNSET:
            field_dict["partition_name"] = partition_name
        if message_payload is not UNSET:
            field_dict["message_payload"] = message_payload
        if trace_names is not UNSET:
            field_dict["trace_names"] = trace_names

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        transaction_id = d.pop("transaction_id", UNSET)

        partition_id = d.pop("partition_id", UNSET)

        event_type = d.pop("event_type", UNSET)

        data = d.pop("data", UNSET)

        consumer_group = d.pop("consumer_group", UNSET)

        worker_id = d.pop("worker_id", UNSET)

        created_at = d.pop("created_at", UNSET)

        queue_name = d.pop("queue_name", UNSET)

        partition_name = d.pop("partition_name", UNSET)

        message_payload = d.pop("message_payload", UNSET)

        trace_names = cast(list[str], d.pop("trace_names", UNSET))

        named_trace = cls(
            id=id,
            transaction_id=transaction_id,
            partition_id=partition_id,
            event_type=event_type,
            data=data,
            consumer_group=consumer_group,
            worker_id=worker_id,
            created_at=created_at,
            queue_name=queue_name,
            partition_name=partition_name,
            message_payload=message_payload,
            trace_names=trace_names,
        )

        named_trace.additional_properties = d
        return named_trace

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
