from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="MessageQueueConfig")


@_attrs_define
class MessageQueueConfig:
    """
    Attributes:
        lease_time (int | Unset):
        retry_limit (int | Unset):
        retry_delay (int | Unset):
        ttl (int | Unset):
        priority (int | Unset):
    """

    lease_time: int | Unset = UNSET
    retry_limit: int | Unset = UNSET
    retry_delay: int | Unset = UNSET
    ttl: int | Unset = UNSET
    priority: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        lease_time = self.lease_time

        retry_limit = self.retry_limit

        retry_delay = self.retry_delay

        ttl = self.ttl

        priority = self.priority

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if lease_time is not UNSET:
            field_dict["leaseTime"] = lease_time
        if retry_limit is not UNSET:
            field_dict["retryLimit"] = retry_limit
        if retry_delay is not UNSET:
            field_dict["retryDelay"] = retry_delay
        if ttl is not UNSET:
            field_dict["ttl"] = ttl
        if priority is not UNSET:
            field_dict["priority"] = priority

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        lease_time = d.pop("leaseTime", UNSET)

        retry_limit = d.pop("retryLimit", UNSET)

        retry_delay = d.pop("retryDelay", UNSET)

        ttl = d.pop("ttl", UNSET)

        priority = d.pop("priority", UNSET)

        message_queue_config = cls(
            lease_time=lease_time,
            retry_limit=retry_limit,
            retry_delay=retry_delay,
            ttl=ttl,
            priority=priority,
        )

        message_queue_config.additional_properties = d
        return message_queue_config

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
