from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="MetricsResponseDatabase")


@_attrs_define
class MetricsResponseDatabase:
    """
    Attributes:
        pool_size (int | Unset):
        idle_connections (int | Unset):
        waiting_requests (int | Unset):
    """

    pool_size: int | Unset = UNSET
    idle_connections: int | Unset = UNSET
    waiting_requests: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pool_size = self.pool_size

        idle_connections = self.idle_connections

        waiting_requests = self.waiting_requests

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if pool_size is not UNSET:
            field_dict["poolSize"] = pool_size
        if idle_connections is not UNSET:
            field_dict["idleConnections"] = idle_connections
        if waiting_requests is not UNSET:
            field_dict["waitingRequests"] = waiting_requests

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        pool_size = d.pop("poolSize", UNSET)

        idle_connections = d.pop("idleConnections", UNSET)

        waiting_requests = d.pop("waitingRequests", UNSET)

        metrics_response_database = cls(
            pool_size=pool_size,
            idle_connections=idle_connections,
            waiting_requests=waiting_requests,
        )

        metrics_response_database.additional_properties = d
        return metrics_response_database

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
