from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="StreamCycleAck")


@_attrs_define
class StreamCycleAck:
    """
    Attributes:
        transaction_id (str): The source message to acknowledge.
        lease_id (str | Unset): When non-empty
        status (str | Unset): `completed`/`success`, `failed` or `dlq`. Default: 'completed'.
        count (int | Unset): Messages this ack accounts for. Default: 1.
        error (str | Unset):
    """

    transaction_id: str
    lease_id: str | Unset = UNSET
    status: str | Unset = "completed"
    count: int | Unset = 1
    error: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        transaction_id = self.transaction_id

        lease_id = self.lease_id

        status = self.status

        count = self.count

        error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "transactionId": transaction_id,
            }
        )
        if lease_id is not UNSET:
            field_dict["leaseId"] = lease_id
        if status is not UNSET:
            field_dict["status"] = status
        if count is not UNSET:
            field_dict["count"] = count
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        transaction_id = d.pop("transactionId")

        lease_id = d.pop("leaseId", UNSET)

        status = d.pop("status", UNSET)

        count = d.pop("count", UNSET)

        error = d.pop("error", UNSET)

        stream_cycle_ack = cls(
            transaction_id=transaction_id,
            lease_id=lease_id,
            status=status,
            count=count,
            error=error,
        )

        stream_cycle_ack.additional_properties = d
        return stream_cycle_ack

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
