from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="AckResult")


@_attrs_define
class AckResult:
    """
    Attributes:
        index (int): Position in the server's merged batch; use array position instead.
        transaction_id (str):
        success (bool):
        error (None | str | Unset): `Message not found`, `Invalid or expired lease`, or null.
        queue_name (None | str | Unset):
        partition_name (None | str | Unset):
        lease_released (bool | None | Unset): Whether this ack released the partition's lease.
        dlq (bool | Unset): Whether the message was dead-lettered.
    """

    index: int
    transaction_id: str
    success: bool
    error: None | str | Unset = UNSET
    queue_name: None | str | Unset = UNSET
    partition_name: None | str | Unset = UNSET
    lease_released: bool | None | Unset = UNSET
    dlq: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        index = self.index

        transaction_id = self.transaction_id

        success = self.success

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        queue_name: None | str | Unset
        if isinstance(self.queue_name, Unset):
            queue_name = UNSET
        else:
            queue_name = self.queue_name

        partition_name: None | str | Unset
        if isinstance(self.partition_name, Unset):
            partition_name = UNSET
        else:
            partition_name = self.partition_name

        lease_released: bool | None | Unset
        if isinstance(self.lease_released, Unset):
            lease_released = UNSET
        else:
            lease_released = self.lease_released

        dlq = self.dlq

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "index": index,
                "transactionId": transaction_id,
                "success": success,
            }
        )
        if error is not UNSET:
            field_dict["error"] = error
        if queue_name is not UNSET:
            field_dict["queueName"] = queue_name
        if partition_name is not UNSET:
            field_dict["partitionName"] = partition_name
        if lease_released is not UNSET:
            field_dict["leaseReleased"] = lease_released
        if dlq is not UNSET:
            field_dict["dlq"] = dlq

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        index = d.pop("index")

        transaction_id = d.pop("transactionId")

        success = d.pop("success")

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        def _parse_queue_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        queue_name = _parse_queue_name(d.pop("queueName", UNSET))

        def _parse_partition_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        partition_name = _parse_partition_name(d.pop("partitionName", UNSET))

        def _parse_lease_released(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        lease_released = _parse_lease_released(d.pop("leaseReleased", UNSET))

        dlq = d.pop("dlq", UNSET)

        ack_result = cls(
            index=index,
            transaction_id=transaction_id,
            success=success,
            error=error,
            queue_name=queue_name,
            partition_name=partition_name,
            lease_released=lease_released,
            dlq=dlq,
        )

        ack_result.additional_properties = d
        return ack_result

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
