from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="QueueOptions")


@_attrs_define
class QueueOptions:
    """Queue options. Keys not listed are ignored. Values not sent are reset to the defaults
    shown here.

        Attributes:
            lease_time (int | Unset): Lease duration in seconds. Default: 300.
            max_size (int | Unset): Stored but not enforced upstream. Default: 0.
            ttl (int | Unset): Stored; no effect upstream. Default: 3600.
            retry_limit (int | Unset): Failed deliveries before dead-lettering. Default: 3.
            retry_delay (int | Unset): Stored; no effect upstream. Default: 1000.
            dead_letter_queue (bool | Unset): Stored; dead-lettering happens regardless. Default: False.
            dlq_after_max_retries (bool | Unset): Stored; dead-lettering happens regardless. Default: False.
            priority (int | Unset): Stored; no effect upstream. Default: 0.
            delayed_processing (int | Unset): Seconds a message stays invisible after push. Default: 0.
            window_buffer (int | Unset): Seconds a partition must be quiet before it is served. Default: 0.
            retention_seconds (int | Unset): Age after which messages are deleted (needs retentionEnabled). Default: 0.
            completed_retention_seconds (int | Unset): Age after which consumed messages are deleted (needs
                retentionEnabled). Default: 0.
            retention_enabled (bool | Unset): Turns the two retention settings on. Default: False.
            encryption_enabled (bool | Unset): Encrypt payloads at rest. Default: False.
            max_wait_time_seconds (int | Unset): Age after which unconsumed messages are deleted (0 = never). Default: 0.
    """

    lease_time: int | Unset = 300
    max_size: int | Unset = 0
    ttl: int | Unset = 3600
    retry_limit: int | Unset = 3
    retry_delay: int | Unset = 1000
    dead_letter_queue: bool | Unset = False
    dlq_after_max_retries: bool | Unset = False
    priority: int | Unset = 0
    delayed_processing: int | Unset = 0
    window_buffer: int | Unset = 0
    retention_seconds: int | Unset = 0
    completed_retention_seconds: int | Unset = 0
    retention_enabled: bool | Unset = False
    encryption_enabled: bool | Unset = False
    max_wait_time_seconds: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        lease_time = self.lease_time

        max_size = self.max_size

        ttl = self.ttl

        retry_limit = self.retry_limit

        retry_delay = self.retry_delay

        dead_letter_queue = self.dead_letter_queue

        dlq_after_max_retries = self.dlq_after_max_retries

        priority = self.priority

        delayed_processing = self.delayed_processing

        window_buffer = self.window_buffer

        retention_seconds = self.retention_seconds

        completed_retention_seconds = self.completed_retention_seconds

        retention_enabled = self.retention_enabled

        encryption_enabled = self.encryption_enabled

        max_wait_time_seconds = self.max_wait_time_seconds

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if lease_time is not UNSET:
            field_dict["leaseTime"] = lease_time
        if max_size is not UNSET:
            field_dict["maxSize"] = max_size
        if ttl is not UNSET:
            field_dict["ttl"] = ttl
        if retry_limit is not UNSET:
            field_dict["retryLimit"] = retry_limit
        if retry_delay is not UNSET:
            field_dict["retryDelay"] = retry_delay
        if dead_letter_queue is not UNSET:
            field_dict["deadLetterQueue"] = dead_letter_queue
        if dlq_after_max_retries is not UNSET:
            field_dict["dlqAfterMaxRetries"] = dlq_after_max_retries
        if priority is not UNSET:
            field_dict["priority"] = priority
        if delayed_processing is not UNSET:
            field_dict["delayedProcessing"] = delayed_processing
        if window_buffer is not UNSET:
            field_dict["windowBuffer"] = window_buffer
        if retention_seconds is not UNSET:
            field_dict["retentionSeconds"] = retention_seconds
        if completed_retention_seconds is not UNSET:
            field_dict["completedRetentionSeconds"] = completed_retention_seconds
        if retention_enabled is not UNSET:
            field_dict["retentionEnabled"] = retention_enabled
        if encryption_enabled is not UNSET:
            field_dict["encryptionEnabled"] = encryption_enabled
        if max_wait_time_seconds is not UNSET:
            field_dict["maxWaitTimeSeconds"] = max_wait_time_seconds

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        lease_time = d.pop("leaseTime", UNSET)

        max_size = d.pop("maxSize", UNSET)

        ttl = d.pop("ttl", UNSET)

        retry_limit = d.pop("retryLimit", UNSET)

        retry_delay = d.pop("retryDelay", UNSET)

        dead_letter_queue = d.pop("deadLetterQueue", UNSET)

        dlq_after_max_retries = d.pop("dlqAfterMaxRetries", UNSET)

        priority = d.pop("priority", UNSET)

        delayed_processing = d.pop("delayedProcessing", UNSET)

        window_buffer = d.pop("windowBuffer", UNSET)

        retention_seconds = d.pop("retentionSeconds", UNSET)

        completed_retention_seconds = d.pop("completedRetentionSeconds", UNSET)

        retention_enabled = d.pop("retentionEnabled", UNSET)

        encryption_enabled = d.pop("encryptionEnabled", UNSET)

        max_wait_time_seconds = d.pop("maxWaitTimeSeconds", UNSET)

        queue_options = cls(
            lease_time=lease_time,
            max_size=max_size,
            ttl=ttl,
            retry_limit=retry_limit,
            retry_delay=retry_delay,
            dead_letter_queue=dead_letter_queue,
            dlq_after_max_retries=dlq_after_max_retries,
            priority=priority,
            delayed_processing=delayed_processing,
            window_buffer=window_buffer,
            retention_seconds=retention_seconds,
            completed_retention_seconds=completed_retention_seconds,
            retention_enabled=retention_enabled,
            encryption_enabled=encryption_enabled,
            max_wait_time_seconds=max_wait_time_seconds,
        )

        queue_options.additional_properties = d
        return queue_options

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
