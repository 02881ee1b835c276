from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.system_metrics_response_replicas_item import (
        SystemMetricsResponseReplicasItem,
    )
    from ..models.time_range import TimeRange


T = TypeVar("T", bound="SystemMetricsResponse")


@_attrs_define
class SystemMetricsResponse:
    """
    Attributes:
        replicas (list[SystemMetricsResponseReplicasItem]):
        time_range (TimeRange | Unset):
        replica_count (int | Unset):
        bucket_minutes (int | Unset):
        point_count (int | Unset):
    """

    replicas: list[SystemMetricsResponseReplicasItem]
    time_range: TimeRange | Unset = UNSET
    replica_count: int | Unset = UNSET
    bucket_minutes: int | Unset = UNSET
    point_count: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        replicas = []
        for replicas_item_data in self.replicas:
            replicas_item = replicas_item_data.to_dict()
            replicas.append(replicas_item)

        time_range: dict[str, Any] | Unset = UNSET
        if not isinstance(self.time_range, Unset):
            time_range = self.time_range.to_dict()

        replica_count = self.replica_count

        bucket_minutes = self.bucket_minutes

        point_count = self.point_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "replicas": replicas,
            }
        )
        if time_range is not UNSET:
            field_dict["timeRange"] = time_range
        if replica_count is not UNSET:
            field_dict["replicaCount"] = replica_count
        if bucket_minutes is not UNSET:
            field_dict["bucketMinutes"] = bucket_minutes
        if point_count is not UNSET:
            field_dict["pointCount"] = point_count

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.system_metrics_response_replicas_item import (
            SystemMetricsResponseReplicasItem,
        )
        from ..models.time_range import TimeRange

        d = dict(src_dict)
        replicas = []
        _replicas = d.pop("replicas")
        for replicas_item_data in _replicas:
            replicas_item = SystemMetricsResponseReplicasItem.from_dict(
                replicas_item_data
            )

            replicas.append(replicas_item)

        _time_range = d.pop("timeRange", UNSET)
        time_range: TimeRange | Unset
        if isinstance(_time_range, Unset):
            time_range = UNSET
        else:
            time_range = TimeRange.from_dict(_time_range)

        replica_count = d.pop("replicaCount", UNSET)

        bucket_minutes = d.pop("bucketMinutes", UNSET)

        point_count = d.pop("pointCount", UNSET)

        system_metrics_response = cls(
            replicas=replicas,
            time_range=time_range,
            replica_count=replica_count,
            bucket_minutes=bucket_minutes,
            point_count=point_count,
        )

        system_metrics_response.additional_properties = d
        return system_metrics_response

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
