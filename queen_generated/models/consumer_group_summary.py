from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="ConsumerGroupSummary")


@_attrs_define
class ConsumerGroupSummary:
    """
    Attributes:
        name (str | Unset):
        topics (list[str] | Unset):
        queue_name (str | Unset):
        members (int | Unset): Partitions with a cursor for this group.
        partitions_with_lag (int | Unset):
        total_lag (int | None | Unset): Always null upstream.
        max_time_lag (int | Unset): Seconds.
        state (str | Unset): `Stable`, `Lagging` or `Dead`.
        subscription_mode (None | str | Unset):
        subscription_timestamp (None | str | Unset):
        subscription_created_at (None | str | Unset):
    """

    name: str | Unset = UNSET
    topics: list[str] | Unset = UNSET
    queue_name: str | Unset = UNSET
    members: int | Unset = UNSET
    partitions_with_lag: int | Unset = UNSET
    total_lag: int | None | Unset = UNSET
    max_time_lag: int | Unset = UNSET
    state: str | Unset = UNSET
    subscription_mode: None | str | Unset = UNSET
    subscription_timestamp: None | str | Unset = UNSET
    subscription_created_at: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        topics: list[str] | Unset = UNSET
        if not isinstance(self.topics, Unset):
            topics = self.topics

        queue_name = self.queue_name

        members = self.members

        partitions_with_lag = self.partitions_with_lag

        total_lag: int | None | Unset
        if isinstance(self.total_lag, Unset):
            total_lag = UNSET
        else:
            total_lag = self.total_lag

        max_time_lag = self.max_time_lag

        state = self.state

        subscription_mode: None | str | Unset
        if isinstance(self.subscription_mode, Unset):
            subscription_mode = UNSET
        else:
            subscription_mode = self.subscription_mode

        subscription_timestamp: None | str | Unset
        if isinstance(self.subscription_timestamp, Unset):
            subscription_timestamp = UNSET
        else:
            subscription_timestamp = self.subscription_timestamp

        subscription_created_at: None | str | Unset
        if isinstance(self.subscription_created_at, Unset):
            subscription_created_at = UNSET
        else:
            subscription_created_at = self.subscription_created_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if topics is not UNSET:
            field_dict["topics"] = topics
        if queue_name is not UNSET:
            field_dict["queueName"] = queue_name
        if members is not UNSET:
            field_dict["members"] = members
        if partitions_with_lag is not UNSET:
            field_dict["partitionsWithLag"] = partitions_with_lag
        if total_lag is not UNSET:
            field_dict["totalLag"] = total_lag
        if max_time_lag is not UNSET:
            field_dict["maxTimeLag"] = max_time_lag
        if state is not UNSET:
            field_dict["state"] = state
        if subscription_mode is not UNSET:
            field_dict["subscriptionMode"] = subscription_mode
        if subscription_timestamp is not UNSET:
            field_dict["subscriptionTimestamp"] = subscription_timestamp
        if subscription_created_at is not UNSET:
            field_dict["subscriptionCreatedAt"] = subscription_created_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        topics = cast(list[str], d.pop("topics", UNSET))

        queue_name = d.pop("queueName", UNSET)

        members = d.pop("members", UNSET)

        partitions_with_lag = d.pop("partitionsWithLag", UNSET)

        def _parse_total_lag(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        total_lag = _parse_total_lag(d.pop("totalLag", UNSET))

        max_time_lag = d.pop("maxTimeLag", UNSET)

        state = d.pop("state", UNSET)

        def _parse_subscription_mode(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subscription_mode = _parse_subscription_mode(d.pop("subscriptionMode", UNSET))

        def _parse_subscription_timestamp(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subscription_timestamp = _parse_subscription_timestamp(
            d.pop("subscriptionTimestamp", UNSET)
        )

        def _parse_subscription_created_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subscription_created_at = _parse_subscription_created_at(
            d.pop("subscriptionCreatedAt", UNSET)
        )

        consumer_group_summary = cls(
            name=name,
            topics=topics,
            queue_name=queue_name,
            members=members,
            partitions_with_lag=partitions_with_lag,
            total_lag=total_lag,
            max_time_lag=max_time_lag,
            state=state,
            subscription_mode=subscription_mode,
            subscription_timestamp=subscription_timestamp,
            subscription_created_at=subscription_created_at,
        )

        consumer_group_summary.additional_properties = d
        return consumer_group_summary

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
