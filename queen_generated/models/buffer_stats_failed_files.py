from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="BufferStatsFailedFiles")


@_attrs_define
class BufferStatsFailedFiles:
    """
    Attributes:
        count (int | Unset):
        total_bytes (int | Unset):
        total_mb (float | Unset):
        failover_count (int | Unset):
        qos_0_count (int | Unset):
    """

    count: int | Unset = UNSET
    total_bytes: int | Unset = UNSET
    total_mb: float | Unset = UNSET
    failover_count: int | Unset = UNSET
    qos_0_count: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        count = self.count

        total_bytes = self.total_bytes

        total_mb = self.total_mb

        failover_count = self.failover_count

        qos_0_count = self.qos_0_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if count is not UNSET:
            field_dict["count"] = count
        if total_bytes is not UNSET:
            field_dict["totalBytes"] = total_bytes
        if total_mb is not UNSET:
            field_dict["totalMB"] = total_mb
        if failover_count is not UNSET:
            field_dict["failoverCount"] = failover_count
        if qos_0_count is not UNSET:
            field_dict["qos0Count"] = qos_0_count

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        count = d.pop("count", UNSET)

        total_bytes = d.pop("totalBytes", UNSET)

        total_mb = d.pop("totalMB", UNSET)

        failover_count = d.pop("failoverCount", UNSET)

        qos_0_count = d.pop("qos0Count", UNSET)

        buffer_stats_failed_files = cls(
            count=count,
            total_bytes=total_bytes,
            total_mb=total_mb,
            failover_count=failover_count,
            qos_0_count=qos_0_count,
        )

        buffer_stats_failed_files.additional_properties = d
        return buffer_stats_failed_files

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
