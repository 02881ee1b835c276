from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="LaggingPartition")


@_attrs_define
class LaggingPartition:
    """
    Attributes:
        consumer_group (str | Unset):
        queue_name (str | Unset):
        partition_name (str | Unset):
        partition_id (str | Unset):
        worker_id (None | str | Unset):
        offset_lag (int | Unset):
        time_lag_seconds (int | Unset):
        lag_hours (float | Unset):
        oldest_unconsumed_at (None | str | Unset):
        last_consumed_at (None | str | Unset):
    """

    consumer_group: str | Unset = UNSET
    queue_name: str | Unset = UNSET
    partition_name: str | Unset = UNSET
    partition_id: str | Unset = UNSET
    worker_id: None | str | Unset = UNSET
    offset_lag: int | Unset = UNSET
    time_lag_seconds: int | Unset = UNSET
    lag_hours: float | Unset = UNSET
    oldest_unconsumed_at: None | str | Unset = UNSET
    last_consumed_at: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        consumer_group = self.consumer_group

        queue_name = self.queue_name

        partition_name = self.partition_name

        partition_id = self.partition_id

        worker_id: None | str | Unset
        if isinstance(self.worker_id, Unset):
            worker_id = UNSET
        else:
            worker_id = self.worker_id

        offset_lag = self.offset_lag

        time_lag_seconds = self.time_lag_seconds

        lag_hours = self.lag_hours

        oldest_unconsumed_at: None | str | Unset
        if isinstance(self.oldest_unconsumed_at, Unset):
            oldest_unconsumed_at = UNSET
        else:
            oldest_unconsumed_at = self.oldest_unconsumed_at

        last_consumed_at: None | str | Unset
        if isinstance(self.last_consumed_at, Unset):
            last_consumed_at = UNSET
        else:
            last_consumed_at = self.last_consumed_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if consumer_group is not UNSET:
            field_dict["consumer_group"] = consumer_group
        if queue_name is not UNSET:
            field_dict["queue_name"] = queue_name
        if partition_name is not UNSET:
            field_dict["partition_name"] = partition_name
        if partition_id is not UNSET:
            field_dict["partition_id"] = partition_id
        if worker_id is not UNSET:
            field_dict["worker_id"] = worker_id
        if offset_lag is not UNSET:
            field_dict["offset_lag"] = offset_lag
        if time_lag_seconds is not UNSET:
            field_dict["time_lag_seconds"] = time_lag_seconds
        if lag_hours is not UNSET:
            field_dict["lag_hours"] = lag_hours
        if oldest_unconsumed_at is not UNSET:
            field_dict["oldest_unconsumed_at"] = oldest_unconsumed_at
        if last_consumed_at is not UNSET:
            field_dict["last_consumed_at"] = last_consumed_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        consumer_group = d.pop("consumer_group", UNSET)

        queue_name = d.pop("queue_name", UNSET)

        partition_name = d.pop("partition_name", UNSET)

        partition_id = d.pop("partition_id", UNSET)

        def _parse_worker_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        worker_id = _parse_worker_id(d.pop("worker_id", UNSET))

        offset_lag = d.pop("offset_lag", UNSET)

        time_lag_seconds = d.pop("time_lag_seconds", UNSET)

        lag_hours = d.pop("lag_hours", UNSET)

        def _parse_oldest_unconsumed_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        oldest_unconsumed_at = _parse_oldest_unconsumed_at(
            d.pop("oldest_unconsumed_at", UNSET)
        )

        def _parse_last_consumed_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_consumed_at = _parse_last_consumed_at(d.pop("last_consumed_at", UNSET))

        lagging_partition = cls(
            consumer_group=consumer_group,
            queue_name=queue_name,
            partition_name=partition_name,
            partition_id=partition_id,
            worker_id=worker_id,
            offset_lag=offset_lag,
            time_lag_seconds=time_lag_seconds,
            lag_hours=lag_hours,
            oldest_unconsumed_at=oldest_unconsumed_at,
            last_consumed_at=last_consumed_at,
        )

        lagging_partition.additional_properties = d
        return lagging_partition

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
