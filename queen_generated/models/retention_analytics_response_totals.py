from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="RetentionAnalyticsResponseTotals")


@_attrs_define
class RetentionAnalyticsResponseTotals:
    """
    Attributes:
        retention_msgs (int | Unset):
        completed_retention_msgs (int | Unset):
        eviction_msgs (int | Unset):
        total_msgs (int | Unset):
        event_count (int | Unset):
    """

    retention_msgs: int | Unset = UNSET
    completed_retention_msgs: int | Unset = UNSET
    eviction_msgs: int | Unset = UNSET
    total_msgs: int | Unset = UNSET
    event_count: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        retention_msgs = self.retention_msgs

        completed_retention_msgs = self.completed_retention_msgs

        eviction_msgs = self.eviction_msgs

        total_msgs = self.total_msgs

        event_count = self.event_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if retention_msgs is not UNSET:
            field_dict["retentionMsgs"] = retention_msgs
        if completed_retention_msgs is not UNSET:
            field_dict["completedRetentionMsgs"] = completed_retention_msgs
        if eviction_msgs is not UNSET:
            field_dict["evictionMsgs"] = eviction_msgs
        if total_msgs is not UNSET:
            field_dict["totalMsgs"] = total_msgs
        if event_count is not UNSET:
            field_dict["eventCount"] = event_count

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        retention_msgs = d.pop("retentionMsgs", UNSET)

        completed_retention_msgs = d.pop("completedRetentionMsgs", UNSET)

        eviction_msgs = d.pop("evictionMsgs", UNSET)

        total_msgs = d.pop("totalMsgs", UNSET)

        event_count = d.pop("eventCount", UNSET)

        retention_analytics_response_totals = cls(
            retention_msgs=retention_msgs,
            completed_retention_msgs=completed_retention_msgs,
            eviction_msgs=eviction_msgs,
            total_msgs=total_msgs,
            event_count=event_count,
        )

        retention_analytics_response_totals.additional_properties = d
        return retention_analytics_response_totals

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
