from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.retention_analytics_response_series_item import (
        RetentionAnalyticsResponseSeriesItem,
    )
    from ..models.retention_analytics_response_totals import (
        RetentionAnalyticsResponseTotals,
    )
    from ..models.time_range import TimeRange


T = TypeVar("T", bound="RetentionAnalyticsResponse")


@_attrs_define
class RetentionAnalyticsResponse:
    """
    Attributes:
        series (list[RetentionAnalyticsResponseSeriesItem]):
        time_range (TimeRange | Unset):
        bucket_minutes (int | Unset):
        totals (RetentionAnalyticsResponseTotals | Unset):
    """

    series: list[RetentionAnalyticsResponseSeriesItem]
    time_range: TimeRange | Unset = UNSET
    bucket_minutes: int | Unset = UNSET
    totals: RetentionAnalyticsResponseTotals | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        series = []
        for series_item_data in self.series:
            series_item = series_item_data.to_dict()
            series.append(series_item)

        time_range: dict[str, Any] | Unset = UNSET
        if not isinstance(self.time_range, Unset):
            time_range = self.time_range.to_dict()

        bucket_minutes = self.bucket_minutes

        totals: dict[str, Any] | Unset = UNSET
        if not isinstance(self.totals, Unset):
            totals = self.totals.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "series": series,
            }
        )
        if time_range is not UNSET:
            field_dict["timeRange"] = time_range
        if bucket_minutes is not UNSET:
            field_dict["bucketMinutes"] = bucket_minutes
        if totals is not UNSET:
            field_dict["totals"] = totals

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.retention_analytics_response_series_item import (
            RetentionAnalyticsResponseSeriesItem,
        )
        from ..models.retention_analytics_response_totals import (
            RetentionAnalyticsResponseTotals,
        )
        from ..models.time_range import TimeRange

        d = dict(src_dict)
        series = []
        _series = d.pop("series")
        for series_item_data in _series:
            series_item = RetentionAnalyticsResponseSeriesItem.from_dict(
                series_item_data
            )

            series.append(series_item)

        _time_range = d.pop("timeRange", UNSET)
        time_range: TimeRange | Unset
        if isinstance(_time_range, Unset):
            time_range = UNSET
        else:
            time_range = TimeRange.from_dict(_time_range)

        bucket_minutes = d.pop("bucketMinutes", UNSET)

        _totals = d.pop("totals", UNSET)
        totals: RetentionAnalyticsResponseTotals | Unset
        if isinstance(_totals, Unset):
            totals = UNSET
        else:
            totals = RetentionAnalyticsResponseTotals.from_dict(_totals)

        retention_analytics_response = cls(
            series=series,
            time_range=time_range,
            bucket_minutes=bucket_minutes,
            totals=totals,
        )

        retention_analytics_response.additional_properties = d
        return retention_analytics_response

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
