from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.time_range import TimeRange
    from ..models.worker_metrics_response_queues_item import (
        WorkerMetricsResponseQueuesItem,
    )
    from ..models.worker_metrics_response_summary import WorkerMetricsResponseSummary
    from ..models.worker_metrics_response_time_series_item import (
        WorkerMetricsResponseTimeSeriesItem,
    )
    from ..models.worker_metrics_response_workers_item import (
        WorkerMetricsResponseWorkersItem,
    )


T = TypeVar("T", bound="WorkerMetricsResponse")


@_attrs_define
class WorkerMetricsResponse:
    """
    Attributes:
        time_series (list[WorkerMetricsResponseTimeSeriesItem]):
        time_range (TimeRange | Unset):
        bucket_minutes (int | Unset):
        point_count (int | Unset):
        workers (list[WorkerMetricsResponseWorkersItem] | Unset):
        queues (list[WorkerMetricsResponseQueuesItem] | Unset):
        summary (WorkerMetricsResponseSummary | Unset):
    """

    time_series: list[WorkerMetricsResponseTimeSeriesItem]
    time_range: TimeRange | Unset = UNSET
    bucket_minutes: int | Unset = UNSET
    point_count: int | Unset = UNSET
    workers: list[WorkerMetricsResponseWorkersItem] | Unset = UNSET
    queues: list[WorkerMetricsResponseQueuesItem] | Unset = UNSET
    summary: WorkerMetricsResponseSummary | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        time_series = []
        for time_series_item_data in self.time_series:
            time_series_item = time_series_item_data.to_dict()
            time_series.append(time_series_item)

        time_range: dict[str, Any] | Unset = UNSET
        if not isinstance(self.time_range, Unset):
            time_range = self.time_range.to_dict()

        bucket_minutes = self.bucket_minutes

        point_count = self.point_count

        workers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.workers, Unset):
            workers = []
            for workers_item_data in self.workers:
                workers_item = workers_item_data.to_dict()
                workers.append(workers_item)

        queues: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.queues, Unset):
            queues = []
            for queues_item_data in self.queues:
                queues_item = queues_item_data.to_dict()
                queues.append(queues_item)

        summary: dict[str, Any] | Unset = UNSET
        if not isinstance(self.summary, Unset):
            summary = self.summary.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "timeSeries": time_series,
            }
        )
        if time_range is not UNSET:
            field_dict["timeRange"] = time_range
        if bucket_minutes is not UNSET:
            field_dict["bucketMinutes"] = bucket_minutes
        if point_count is not UNSET:
            field_dict["pointCount"] = point_count
        if workers is not UNSET:
            field_dict["workers"] = workers
        if queues is not UNSET:
            field_dict["queues"] = queues
        if summary is not UNSET:
            field_dict["summary"] = summary

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.time_range import TimeRange
        from ..models.worker_metrics_response_queues_item import (
            WorkerMetricsResponseQueuesItem,
        )
        from ..models.worker_metrics_response_summary import (
            WorkerMetricsResponseSummary,
        )
        from ..models.worker_metrics_response_time_series_item import (
            WorkerMetricsResponseTimeSeriesItem,
        )
        from ..models.worker_metrics_response_workers_item import (
            WorkerMetricsResponseWorkersItem,
        )

        d = dict(src_dict)
        time_series = []
        _time_series = d.pop("timeSeries")
        for time_series_item_data in _time_series:
            time_series_item = WorkerMetricsResponseTimeSeriesItem.from_dict(
                time_series_item_data
            )

            time_series.append(time_series_item)

        _time_range = d.pop("timeRange", UNSET)
        time_range: TimeRange | Unset
        if isinstance(_time_range, Unset):
            time_range = UNSET
        else:
            time_range = TimeRange.from_dict(_time_range)

        bucket_minutes = d.pop("bucketMinutes", UNSET)

        point_count = d.pop("pointCount", UNSET)

        _workers = d.pop("workers", UNSET)
        workers: list[WorkerMetricsResponseWorkersItem] | Unset = UNSET
        if _workers is not UNSET:
            workers = []
            for workers_item_data in _workers:
                workers_item = WorkerMetricsResponseWorkersItem.from_dict(
                    workers_item_data
                )

                workers.append(workers_item)

        _queues = d.pop("queues", UNSET)
        queues: list[WorkerMetricsResponseQueuesItem] | Unset = UNSET
        if _queues is not UNSET:
            queues = []
            for queues_item_data in _queues:
                queues_item = WorkerMetricsResponseQueuesItem.from_dict(
                    queues_item_data
                )

                queues.append(queues_item)

        _summary = d.pop("summary", UNSET)
        summary: WorkerMetricsResponseSummary | Unset
        if isinstance(_summary, Unset):
            summary = UNSET
        else:
            summary = WorkerMetricsResponseSummary.from_dict(_summary)

        worker_metrics_response = cls(
            time_series=time_series,
            time_range=time_range,
            bucket_minutes=bucket_minutes,
            point_count=point_count,
            workers=workers,
            queues=queues,
            summary=summary,
        )

        worker_metrics_response.additional_properties = d
        return worker_metrics_response

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
