from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="SharedStateStatsServerHealth")


@_attrs_define
class SharedStateStatsServerHealth:
    """
    Attributes:
        servers_tracked (int | Unset):
        servers_alive (int | Unset):
        servers_dead (int | Unset):
        heartbeats_received (int | Unset):
        restarts_detected (int | Unset):
    """

    servers_tracked: int | Unset = UNSET
    servers_alive: int | Unset = UNSET
    servers_dead: int | Unset = UNSET
    heartbeats_received: int | Unset = UNSET
    restarts_detected: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        servers_tracked = self.servers_tracked

        servers_alive = self.servers_alive

        servers_dead = self.servers_dead

        heartbeats_received = self.heartbeats_received

        restarts_detected = self.restarts_detected

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if servers_tracked is not UNSET:
            field_dict["servers_tracked"] = servers_tracked
        if servers_alive is not UNSET:
            field_dict["servers_alive"] = servers_alive
        if servers_dead is not UNSET:
            field_dict["servers_dead"] = servers_dead
        if heartbeats_received is not UNSET:
            field_dict["heartbeats_received"] = heartbeats_received
        if restarts_detected is not UNSET:
            field_dict["restarts_detected"] = restarts_detected

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        servers_tracked = d.pop("servers_tracked", UNSET)

        servers_alive = d.pop("servers_alive", UNSET)

        servers_dead = d.pop("servers_dead", UNSET)

        heartbeats_received = d.pop("heartbeats_received", UNSET)

        restarts_detected = d.pop("restarts_detected", UNSET)

        shared_state_stats_server_health = cls(
            servers_tracked=servers_tracked,
            servers_alive=servers_alive,
            servers_dead=servers_dead,
            heartbeats_received=heartbeats_received,
            restarts_detected=restarts_detected,
        )

        shared_state_stats_server_health.additional_properties = d
        return shared_state_stats_server_health

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
