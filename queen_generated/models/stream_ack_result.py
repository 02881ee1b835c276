from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="StreamAckResult")


@_attrs_define
class StreamAckResult:
    """
    Attributes:
        success (bool | Unset):
        count (int | Unset):
        lease_released (bool | Unset):
        dlq (bool | Unset):
    """

    success: bool | Unset = UNSET
    count: int | Unset = UNSET
    lease_released: bool | Unset = UNSET
    dlq: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        count = self.count

        lease_released = self.lease_released

        dlq = self.dlq

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if success is not UNSET:
            field_dict["success"] = success
        if count is not UNSET:
            field_dict["count"] = count
        if lease_released is not UNSET:
            field_dict["lease_released"] = lease_released
        if dlq is not UNSET:
            field_dict["dlq"] = dlq

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        success = d.pop("success", UNSET)

        count = d.pop("count", UNSET)

        lease_released = d.pop("lease_released", UNSET)

        dlq = d.pop("dlq", UNSET)

        stream_ack_result = cls(
            success=success,
            count=count,
            lease_released=lease_released,
            dlq=dlq,
        )

        stream_ack_result.additional_properties = d
        return stream_ack_result

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
