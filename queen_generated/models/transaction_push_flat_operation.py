from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="TransactionPushFlatOperation")


@_attrs_define
class TransactionPushFlatOperation:
    """Pushes one message given inline; the payload may also be sent as `data`.

    Attributes:
        type_ (Literal['push']):
        queue (str):
        partition (str | Unset):  Default: 'Default'.
        payload (Any | Unset): Any JSON value.
        data (Any | Unset): Used when `payload` is absent.
        transaction_id (str | Unset):
        trace_id (str | Unset):
        message_id (str | Unset):
    """

    type_: Literal["push"]
    queue: str
    partition: str | Unset = "Default"
    payload: Any | Unset = UNSET
    data: Any | Unset = UNSET
    transaction_id: str | Unset = UNSET
    trace_id: str | Unset = UNSET
    message_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        queue = self.queue

        partition = self.partition

        payload = self.payload

        data = self.data

        transaction_id = self.transaction_id

        trace_id = self.trace_id

        message_id = self.message_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "queue": queue,
            }
        )
        if partition is not UNSET:
            field_dict["partition"] = partition
        if payload is not UNSET:
            field_dict["payload"] = payload
        if data is not UNSET:
            field_dict["data"] = data
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
        type_ = cast(Literal["push"], d.pop("type"))
        if type_ != "push":
            raise ValueError(f"type must match const 'push', got '{type_}'")

        queue = d.pop("queue")

        partition = d.pop("partition", UNSET)

        payload = d.pop("payload", UNSET)

        data = d.pop("data", UNSET)

        transaction_id = d.pop("transactionId", UNSET)

        trace_id = d.pop("traceId", UNSET)

        message_id = d.pop("messageId", UNSET)

        transaction_push_flat_operation = cls(
            type_=type_,
            queue=queue,
            partition=partition,
            payload=payload,
            data=data,
            transaction_id=transaction_id,
            trace_id=trace_id,
            message_id=message_id,
        )

        transaction_push_flat_operation.additional_properties = d
        return transaction_push_flat_operation

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
