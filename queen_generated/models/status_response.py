from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.status_response_dead_letter_queue import StatusResponseDeadLetterQueue
    from ..models.status_response_errors import StatusResponseErrors
    from ..models.status_response_leases import StatusResponseLeases
    from ..models.status_response_messages import StatusResponseMessages
    from ..models.status_response_queues_item import StatusResponseQueuesItem
    from ..models.status_response_throughput_item import StatusResponseThroughputItem
    from ..models.status_response_workers_item import StatusResponseWorkersItem
    from ..models.time_range import TimeRange


T = TypeVar("T", bound="StatusResponse")


@_attrs_define
class StatusResponse:
    """
    Attributes:
        messages (StatusResponseMessages):
        time_range (TimeRange | Unset):
        bucket_minutes (int | Unset):
        point_count (int | Unset):
        throughput (list[StatusResponseThroughputItem] | Unset):
        queues (list[StatusResponseQueuesItem] | Unset):
        leases (StatusResponseLeases | Unset):
        dead_letter_queue (StatusResponseDeadLetterQueue | Unset):
        workers (list[StatusResponseWorkersItem] | Unset):
        errors (StatusResponseErrors | Unset):
        stats_age (int | Unset):
    """

    messages: StatusResponseMessages
    time_range: TimeRange | Unset = UNSET
    bucket_minutes: int | Unset = UNSET
    point_count: int | Unset = UNSET
    throughput: list[StatusResponseThroughputItem] | Unset = UNSET
    queues: list[StatusResponseQueuesItem] | Unset = UNSET
    leases: StatusResponseLeases | Unset = UNSET
    dead_letter_queue: StatusResponseDeadLetterQueue | Unset = UNSET
    workers: list[StatusResponseWorkersItem] | Unset = UNSET
    errors: StatusResponseErrors | Unset = UNSET
    stats_age: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        messages = self.messages.to_dict()

        time_range: dict[str, Any] | Unset = UNSET
        if not isinstance(self.time_range, Unset):
            time_range = self.time_range.to_dict()

        bucket_minutes = self.bucket_minutes

        point_count = self.point_count

        throughput: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.throughput, Unset):
            throughput = []
            for throughput_item_data in self.throughput:
                throughput_item = throughput_item_data.to_dict()
                throughput.append(throughput_item)

        queues: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.queues, Unset):
            queues = []
            for queues_item_data in self.queues:
                queues_item = queues_item_data.to_dict()
                queues.append(queues_item)

        leases: dict[str, Any] | Unset = UNSET
        if not isinstance(self.leases, Unset):
            leases = self.leases.to_dict()

        dead_letter_queue: dict[str, Any] | Unset = UNSET
        if not isinstance(self.dead_letter_queue, Unset):
            dead_letter_queue = self.dead_letter_queue.to_dict()

        workers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.workers, Unset):
            workers = []
            for workers_item_data in self.workers:
                workers_item = workers_item_data.to_dict()
                workers.append(workers_item)

        errors: dict[str, Any] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = self.errors.to_dict()

        stats_age = self.stats_age

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "messages": messages,
            }
        )
        if time_range is not UNSET:
            field_dict["timeRange"] = time_range
        if bucket_minutes is not UNSET:
            field_dict["bucketMinutes"] = bucket_minutes
        if point_count is not UNSET:
            field_dict["pointCount"] = point_count
        if throughput is not UNSET:
            field_dict["throughput"] = throughput
        if queues is not UNSET:
            field_dict["queues"] = queues
        if leases is not UNSET:
            field_dict["leases"] = leases
        if dead_letter_queue is not UNSET:
            field_dict["deadLetterQueue"] = dead_letter_queue
        if workers is not UNSET:
            field_dict["workers"] = workers
        if errors is not UNSET:
            field_dict["errors"] = errors
        if stats_age is not UNSET:
            field_dict["statsAge"] = stats_age

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.status_response_dead_letter_queue import (
            StatusResponseDeadLetterQueue,
        )
        from ..models.status_response_errors import StatusResponseErrors
        from ..models.status_response_leases import StatusResponseLeases
        from ..models.status_response_messages import StatusResponseMessages
        from ..models.status_response_queues_item import StatusResponseQueuesItem
        from ..models.status_response_throughput_item import (
            StatusResponseThroughputItem,
        )
        from ..models.status_response_workers_item import StatusResponseWorkersItem
        from ..models.time_range import TimeRange

        d = dict(src_dict)
        messages = StatusResponseMessages.from_dict(d.pop("messages"))

        _time_range = d.pop("timeRange", UNSET)
        time_range: TimeRange | Unset
        if isinstance(_time_range, Unset):
            time_range = UNSET
        else:
            time_range = TimeRange.from_dict(_time_range)

        bucket_minutes = d.pop("bucketMinutes", UNSET)

        point_count = d.pop("pointCount", UNSET)

        _throughput = d.pop("throughput", UNSET)
        throughput: list[StatusResponseThroughputItem] | Unset = UNSET
        if _throughput is not UNSET:
            throughput = []
            for throughput_item_data in _throughput:
                throughput_item = StatusResponseThroughputItem.from_dict(
                    throughput_item_data
                )

                throughput.append(throughput_item)

        _queues = d.pop("queues", UNSET)
        queues: list[StatusResponseQueuesItem] | Unset = UNSET
        if _queues is not UNSET:
            queues = []
            for queues_item_data in _queues:
                queues_item = StatusResponseQueuesItem.from_dict(queues_item_data)

                queues.append(queues_item)

        _leases = d.pop("leases", UNSET)
        leases: StatusResponseLeases | Unset
        if isinstance(_leases, Unset):
            leases = UNSET
        else:
            leases = StatusResponseLeases.from_dict(_leases)

        _dead_letter_queue = d.pop("deadLetterQueue", UNSET)
        dead_letter_queue: StatusResponseDeadLetterQueue | Unset
        if isinstance(_dead_letter_queue, Unset):
            dead_letter_queue = UNSET
        else:
            dead_letter_queue = StatusResponseDeadLetterQueue.from_dict(
                _dead_letter_queue
            )

        _workers = d.pop("workers", UNSET)
        workers: list[StatusResponseWorkersItem] | Unset = UNSET
        if _workers is not UNSET:
            workers = []
            for workers_item_data in _workers:
                workers_item = StatusResponseWorkersItem.from_dict(workers_item_data)

                workers.append(workers_item)

        _errors = d.pop("errors", UNSET)
        errors: StatusResponseErrors | Unset
        if isinstance(_errors, Unset):
            errors = UNSET
        else:
            errors = StatusResponseErrors.from_dict(_errors)

        stats_age = d.pop("statsAge", UNSET)

        status_response = cls(
            messages=messages,
            time_range=time_range,
            bucket_minutes=bucket_minutes,
            point_count=point_count,
            throughput=throughput,
            queues=queues,
            leases=leases,
            dead_letter_queue=dead_letter_queue,
            workers=workers,
            errors=errors,
            stats_age=stats_age,
        )

        status_response.additional_properties = d
        return status_response

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
