from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="TransactionOperationResult")


@_attrs_define
class TransactionOperationResult:
    """
    Attributes:
        index (int): Position among the flattened operations (one per pushed item).
        success (bool):
        type_ (None | str | Unset): `ack`, `push`, or the unknown type sent.
        transaction_id (str | Unset):
        error (None | str | Unset):
        dlq (bool | Unset):
        message_id (str | Unset):
        partition_id (str | Unset):
        queue_name (str | Unset):
    """

    index: int
    success: bool
    type_: None | str | Unset = UNSET
    transaction_id: str | Unset = UNSET
    error: None | str | Unset = UNSET
    dlq: bool | Unset = UNSET
    message_id: str | Unset = UNSET
    partition_id: str | Unset = UNSET
    queue_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        index = self.index

        success = self.success

        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        else:
            type_ = self.type_

        transaction_id = self.transaction_id

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        dlq = self.dlq

        message_id = self.message_id

        partition_id = self.partition_id

        queue_name = self.queue_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "index": index,
                "success": success,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_
        if transaction_id is not UNSET:
            field_dict["transactionId"] = transaction_id
        if error is not UNSET:
            field_dict["error"] = error
        if dlq is not UNSET:
            field_dict["dlq"] = dlq
        if message_id is not UNSET:
            field_dict["messageId"] = message_id
        if partition_id is not UNSET:
            field_dict["partitionId"] = partition_id
        if queue_name is not UNSET:
            field_dict["queueName"] = queue_name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        index = d.pop("index")

        success = d.pop("success")

        def _parse_type_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))

        transaction_id = d.pop("transactionId", UNSET)

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        dlq = d.pop("dlq", UNSET)

        message_id = d.pop("messageId", UNSET)

        partition_id = d.pop("partitionId", UNSET)

        queue_name = d.pop("queueName", UNSET)

        transaction_operation_result = cls(
            index=index,
            success=success,
            type_=type_,
            transaction_id=transaction_id,
            error=error,
            dlq=dlq,
            message_id=message_id,
            partition_id=partition_id,
            queue_name=queue_name,
        )

        transaction_operation_result.additional_properties = d
        return transaction_operation_result

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
