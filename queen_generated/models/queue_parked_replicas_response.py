from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.queue_parked_replicas_response_series_item import (
        QueueParkedReplicasResponseSeriesItem,
    )
    from ..models.time_range import TimeRange


T = TypeVar("T", bound="QueueParkedReplicasResponse")


@_attrs_define
class QueueParkedReplicasResponse:
    """
    Attributes:
        series (list[QueueParkedReplicasResponseSeriesItem]):
        time_range (TimeRange | Unset):
        bucket_minutes (int | Unset):
        replicas (list[Any] | Unset):
    """

    series: list[QueueParkedReplicasResponseSeriesItem]
    time_range: TimeRange | Unset = UNSET
    bucket_minutes: int | Unset = UNSET
    replicas: list[Any] | Unset = UNSET
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

        replicas: list[Any] | Unset = UNSET
        if not isinstance(self.replicas, Unset):
            replicas = self.replicas

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
        if replicas is not UNSET:
            field_dict["replicas"] = replicas

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.queue_parked_replicas_response_series_item import (
            QueueParkedReplicasResponseSeriesItem,
        )
        from ..models.time_range import TimeRange

        d = dict(src_dict)
        series = []
        _series = d.pop("series")
        for series_item_data in _series:
            series_item = QueueParkedReplicasResponseSeriesItem.from_dict(
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

        replicas = cast(list[Any], d.pop("replicas", UNSET))

        queue_parked_replicas_response = cls(
            series=series,
            time_range=time_range,
            bucket_minutes=bucket_minutes,
            replicas=replicas,
        )

        queue_parked_replicas_response.additional_properties = d
        return queue_parked_replicas_response

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
