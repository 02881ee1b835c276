from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.message_counts import MessageCounts
    from ..models.resources_overview_lag import ResourcesOverviewLag
    from ..models.resources_overview_throughput import ResourcesOverviewThroughput


T = TypeVar("T", bound="ResourcesOverview")


@_attrs_define
class ResourcesOverview:
    """
    Attributes:
        queues (int):
        partitions (int | Unset):
        namespaces (int | Unset):
        tasks (int | Unset):
        messages (MessageCounts | Unset): Message counts by derived status.
        lag (ResourcesOverviewLag | Unset):
        throughput (ResourcesOverviewThroughput | Unset):
        timestamp (str | Unset):
        stats_age (int | Unset): Age of the stats table in seconds.
    """

    queues: int
    partitions: int | Unset = UNSET
    namespaces: int | Unset = UNSET
    tasks: int | Unset = UNSET
    messages: MessageCounts | Unset = UNSET
    lag: ResourcesOverviewLag | Unset = UNSET
    throughput: ResourcesOverviewThroughput | Unset = UNSET
    timestamp: str | Unset = UNSET
    stats_age: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        queues = self.queues

        partitions = self.partitions

        namespaces = self.namespaces

        tasks = self.tasks

        messages: dict[str, Any] | Unset = UNSET
        if not isinstance(self.messages, Unset):
            messages = self.messages.to_dict()

        lag: dict[str, Any] | Unset = UNSET
        if not isinstance(self.lag, Unset):
            lag = self.lag.to_dict()

        throughput: dict[str, Any] | Unset = UNSET
        if not isinstance(self.throughput, Unset):
            throughput = self.throughput.to_dict()

        timestamp = self.timestamp

        stats_age = self.stats_age

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "queues": queues,
            }
        )
        if partitions is not UNSET:
            field_dict["partitions"] = partitions
        if namespaces is not UNSET:
            field_dict["namespaces"] = namespaces
        if tasks is not UNSET:
            field_dict["tasks"] = tasks
        if messages is not UNSET:
            field_dict["messages"] = messages
        if lag is not UNSET:
            field_dict["lag"] = lag
        if throughput is not UNSET:
            field_dict["throughput"] = throughput
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if stats_age is not UNSET:
            field_dict["statsAge"] = stats_age

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.message_counts import MessageCounts
        from ..models.resources_overview_lag import ResourcesOverviewLag
        from ..models.resources_overview_throughput import ResourcesOverviewThroughput

        d = dict(src_dict)
        queues = d.pop("queues")

        partitions = d.pop("partitions", UNSET)

        namespaces = d.pop("namespaces", UNSET)

        tasks = d.pop("tasks", UNSET)

        _messages = d.pop("messages", UNSET)
        messages: MessageCounts | Unset
        if isinstance(_messages, Unset):
            messages = UNSET
        else:
            messages = MessageCounts.from_dict(_messages)

        _lag = d.pop("lag", UNSET)
        lag: ResourcesOverviewLag | Unset
        if isinstance(_lag, Unset):
            lag = UNSET
        else:
            lag = ResourcesOverviewLag.from_dict(_lag)

        _throughput = d.pop("throughput", UNSET)
        throughput: ResourcesOverviewThroughput | Unset
        if isinstance(_throughput, Unset):
            throughput = UNSET
        else:
            throughput = ResourcesOverviewThroughput.from_dict(_throughput)

        timestamp = d.pop("timestamp", UNSET)

        stats_age = d.pop("statsAge", UNSET)

        resources_overview = cls(
            queues=queues,
            partitions=partitions,
            namespaces=namespaces,
            tasks=tasks,
            messages=messages,
            lag=lag,
            throughput=throughput,
            timestamp=timestamp,
            stats_age=stats_age,
        )

        resources_overview.additional_properties = d
        return resources_overview

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
