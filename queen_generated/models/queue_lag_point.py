from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="QueueLagPoint")


@_attrs_define
class QueueLagPoint:
    """
    Attributes:
        queue_name (str | Unset):
        pop_count (int | Unset):
        avg_lag_ms (float | Unset):
        max_lag_ms (float | Unset):
        bucket_time (str | Unset):
    """

    queue_name: str | Unset = UNSET
    pop_count: int | Unset = UNSET
    avg_lag_ms: float | Unset = UNSET
    max_lag_ms: float | Unset = UNSET
    bucket_time: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        queue_name = self.queue_name

        pop_count = self.pop_count

        avg_lag_ms = self.avg_lag_ms

        max_lag_ms = self.max_lag_ms

        bucket_time = self.bucket_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if queue_name is not UNSET:
            field_dict["queueName"] = queue_name
        if pop_count is not UNSET:
            field_dict["popCount"] = pop_count
        if avg_lag_ms is not UNSET:
            field_dict["avgLagMs"] = avg_lag_ms
        if max_lag_ms is not UNSET:
            field_dict["maxLagMs"] = max_lag_ms
        if bucket_time is not UNSET:
            field_dict["bucketTime"] = bucket_time

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        queue_name = d.pop("queueName", UNSET)

        pop_count = d.pop("popCount", UNSET)

        avg_lag_ms = d.pop("avgLagMs", UNSET)

        max_lag_ms = d.pop("maxLagMs", UNSET)

        bucket_time = d.pop("bucketTime", UNSET)

        queue_lag_point = cls(
            queue_name=queue_name,
            pop_count=pop_count,
            avg_lag_ms=avg_lag_ms,
            max_lag_ms=max_lag_ms,
            bucket_time=bucket_time,
        )

        queue_lag_point.additional_properties = d
        return queue_lag_point

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
