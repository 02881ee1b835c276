from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.message_summary_bus_status import MessageSummaryBusStatus


T = TypeVar("T", bound="MessageSummary")


@_attrs_define
class MessageSummary:
    """
    Attributes:
        id (str | Unset):
        transaction_id (str | Unset):
        partition_id (str | Unset):
        queue_path (str | Unset): `<queue>/<partition>`.
        queue (str | Unset):
        partition (str | Unset):
        namespace (str | Unset):
        task (str | Unset):
        status (str | Unset): `pending`, `processing`, `completed` or `dead_letter`.
        queue_status (str | Unset):
        bus_status (MessageSummaryBusStatus | Unset):
        trace_id (None | str | Unset):
        producer_sub (None | str | Unset):
        queue_priority (int | Unset):
        created_at (str | Unset):
        lease_expires_at (None | str | Unset):
    """

    id: str | Unset = UNSET
    transaction_id: str | Unset = UNSET
    partition_id: str | Unset = UNSET
    queue_path: str | Unset = UNSET
    queue: str | Unset = UNSET
    partition: str | Unset = UNSET
    namespace: str | Unset = UNSET
    task: str | Unset = UNSET
    status: str | Unset = UNSET
    queue_status: str | Unset = UNSET
    bus_status: MessageSummaryBusStatus | Unset = UNSET
    trace_id: None | str | Unset = UNSET
    producer_sub: None | str | Unset = UNSET
    queue_priority: int | Unset = UNSET
    created_at: str | Unset = UNSET
    lease_expires_at: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        id = self.id

        transaction_id = self.transaction_id

        partition_id = self.partition_id

        queue_path = self.queue_path

        queue = self.queue

        partition = self.partition

        namespace = self.namespace

        task = self.task

        status = self.status

        queue_status = self.queue_status

        bus_status: dict[str, Any] | Unset = UNSET
        if not isinstance(self.bus_status, Unset):
            bus_status = self.bus_status.to_dict()

        trace_id: None | str | Unset
        if isinstance(self.trace_id, Unset):
            trace_id = UNSET
        else:
            trace_id = self.trace_id

        producer_sub: None | str | Unset
        if isinstance(self.producer_sub, Unset):
            producer_sub = UNSET
        else:
            producer_sub = self.producer_sub

        queue_priority = self.queue_priority

        created_at = self.created_at

        lease_expires_at: None | str | Unset
        if isinstance(self.lease_expires_at, Unset):
            lease_expires_at = UNSET
        else:
            lease_expires_at = self.lease_expires_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if transaction_id is not UNSET:
            field_dict["transactionId"] = transaction_id
        if partition_id is not UNSET:
            field_dict["partitionId"] = partition_id
        if queue_path is not UNSET:
            field_dict["queuePath"] = queue_path
        if queue is not UNSET:
            field_dict["queue"] = queue
        if partition is not UNSET:
            field_dict["partition"] = partition
        if namespace is not UNSET:
            field_dict["namespace"] = namespace
        if task is not UNSET:
            field_dict["task"] = task
        if status is not UNSET:
            field_dict["status"] = status
        if queue_status is not UNSET:
            field_dict["queueStatus"] = queue_status
        if bus_status is not UNSET:
            field_dict["busStatus"] = bus_status
        if trace_id is not UNSET:
            field_dict["traceId"] = trace_id
        if producer_sub is not UNSET:
            field_dict["producerSub"] = producer_sub
        if queue_priority is not UNSET:
            field_dict["queuePriority"] = queue_priority
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if lease_expires_at is not UNSET:
            field_dict["leaseExpiresAt"] = lease_expires_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.message_summary_bus_status import MessageSummaryBusStatus

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        transaction_id = d.pop("transactionId", UNSET)

        partition_id = d.pop("partitionId", UNSET)

        queue_path = d.pop("queuePath", UNSET)

        queue = d.pop("queue", UNSET)

        partition = d.pop("partition", UNSET)

        namespace = d.pop("namespace", UNSET)

        task = d.pop("task", UNSET)

        status = d.pop("status", UNSET)

        queue_status = d.pop("queueStatus", UNSET)

        _bus_status = d.pop("busStatus", UNSET)
        bus_status: MessageSummaryBusStatus | Unset
        if isinstance(_bus_status, Unset):
            bus_status = UNSET
        else:
            bus_status = MessageSummaryBusStatus.from_dict(_bus_status)

        def _parse_trace_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        trace_id = _parse_trace_id(d.pop("traceId", UNSET))

        def _parse_producer_sub(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        producer_sub = _parse_producer_sub(d.pop("producerSub", UNSET))

        queue_priority = d.pop("queuePriority", UNSET)

        created_at = d.pop("createdAt", UNSET)

        def _parse_lease_expires_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        lease_expires_at = _parse_lease_expires_at(d.pop("leaseExpiresAt", UNSET))

        message_summary = cls(
            id=id,
            transaction_id=transaction_id,
            partition_id=partition_id,
            queue_path=queue_path,
            queue=queue,
            partition=partition,
            namespace=namespace,
            task=task,
            status=status,
            queue_status=queue_status,
            bus_status=bus_status,
            trace_id=trace_id,
            producer_sub=producer_sub,
            queue_priority=queue_priority,
            created_at=created_at,
            lease_expires_at=lease_expires_at,
        )

        message_summary.additional_properties = d
        return message_summary

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
