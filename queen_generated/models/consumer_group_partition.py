from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="ConsumerGroupPartition")


@_attrs_define
class ConsumerGroupPartition:
    """
    Attributes:
        partition (str | Unset):
        worker_id (None | str | Unset):
        last_consumed_at (None | str | Unset):
        total_consumed (int | Unset):
        offset_lag (int | Unset):
        time_lag_seconds (int | Unset):
        lease_active (bool | Unset):
    """

    partition: str | Unset = UNSET
    worker_id: None | str | Unset = UNSET
    last_consumed_at: None | str | Unset = UNSET
    total_consumed: int | Unset = UNSET
    offset_lag: int | Unset = UNSET
    time_lag_seconds: int | Unset = UNSET
    lease_active: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        partition = self.partition

        worker_id: None | str | Unset
        if isinstance(self.worker_id, Unset):
            worker_id = UNSET
        else:
            worker_id = self.worker_id

        last_consumed_at: None | str | Unset
        if isinstance(self.last_consumed_at, Unset):
            last_consumed_at = UNSET
        else:
            last_consumed_at = self.last_consumed_at

        total_consumed = self.total_consumed

        offset_lag = self.offset_lag

        time_lag_seconds = self.time_lag_seconds

        lease_active = self.lease_active

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if partition is not UNSET:
            field_dict["partition"] = partition
        if worker_id is not UNSET:
            field_dict["workerId"] = worker_id
        if last_consumed_at is not UNSET:
            field_dict["lastConsumedAt"] = last_consumed_at
        if total_consumed is not UNSET:
            field_dict["totalConsumed"] = total_consumed
        if offset_lag is not UNSET:
            field_dict["offsetLag"] = offset_lag
        if time_lag_seconds is not UNSET:
            field_dict["timeLagSeconds"] = time_lag_seconds
        if lease_active is not UNSET:
            field_dict["leaseActive"] = lease_active

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        partition = d.pop("partition", UNSET)

        def _parse_worker_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        worker_id = _parse_worker_id(d.pop("workerId", UNSET))

        def _parse_last_consumed_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_consumed_at = _parse_last_consumed_at(d.pop("lastConsumedAt", UNSET))

        total_consumed = d.pop("totalConsumed", UNSET)

        offset_lag = d.pop("offsetLag", UNSET)

        time_lag_seconds = d.pop("timeLagSeconds", UNSET)

        lease_active = d.pop("leaseActive", UNSET)

        consumer_group_partition = cls(
            partition=partition,
            worker_id=worker_id,
            last_consumed_at=last_consumed_at,
            total_consumed=total_consumed,
            offset_lag=offset_lag,
            time_lag_seconds=time_lag_seconds,
            lease_active=lease_active,
        )

        consumer_group_partition.additional_properties = d
        return consumer_group_partition

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
