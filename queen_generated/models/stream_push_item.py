from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="StreamPushItem")


@_attrs_define
class StreamPushItem:
    """
    Attributes:
        queue (str):
        partition (str | Unset):  Default: 'Default'.
        payload (Any | Unset): Any JSON value.
        transaction_id (str | Unset):
        trace_id (str | Unset):
        message_id (str | Unset): Message id to use; the server generates one when absent.
    """

    queue: str
    partition: str | Unset = "Default"
    payload: Any | Unset = UNSET
    transaction_id: str | Unset = UNSET
    trace_id: str | Unset = UNSET
    message_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        queue = self.queue

        partition = self.partition

        payload = self.payload

        transaction_id = self.transaction_id

        trace_id = self.trace_id

        message_id = self.message_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "queue": queue,
            }
        )
        if partition is not UNSET:
            field_dict["partition"] = partition
        if payload is not UNSET:
            field_dict["payload"] = payload
        if transaction_id is not UNSET:
            field_dict["transactionId"] = transaction_id
        if trace_id is not UNSET:
            field_dict["traceId"] = trace_id
        if message_id is not UNSET:
            field_dict["messageId"] = message_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        queue = d.pop("queue")

        partition = d.pop("partition", UNSET)

        payload = d.pop("payload", UNSET)

        transaction_id = d.pop("transactionId", UNSET)

        trace_id = d.pop("traceId", UNSET)

        message_id = d.pop("messageId", UNSET)

        stream_push_item = cls(
            queue=queue,
            partition=partition,
            payload=payload,
            transaction_id=transaction_id,
            trace_id=trace_id,
            message_id=message_id,
        )

        stream_push_item.additional_properties = d
        return stream_push_item

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
