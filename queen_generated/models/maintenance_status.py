from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.buffer_stats import BufferStats


T = TypeVar("T", bound="MaintenanceStatus")


@_attrs_define
class MaintenanceStatus:
    """
    Attributes:
        maintenance_mode (bool):
        pop_maintenance_mode (bool | Unset):
        buffered_messages (int | Unset):
        buffer_healthy (bool | Unset):
        buffer_stats (BufferStats | Unset):
    """

    maintenance_mode: bool
    pop_maintenance_mode: bool | Unset = UNSET
    buffered_messages: int | Unset = UNSET
    buffer_healthy: bool | Unset = UNSET
    buffer_stats: BufferStats | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        maintenance_mode = self.maintenance_mode

        pop_maintenance_mode = self.pop_maintenance_mode

        buffered_messages = self.buffered_messages

        buffer_healthy = self.buffer_healthy

        buffer_stats: dict[str, Any] | Unset = UNSET
        if not isinstance(self.buffer_stats, Unset):
            buffer_stats = self.buffer_stats.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "maintenanceMode": maintenance_mode,
            }
        )
        if pop_maintenance_mode is not UNSET:
            field_dict["popMaintenanceMode"] = pop_maintenance_mode
        if buffered_messages is not UNSET:
            field_dict["bufferedMessages"] = buffered_messages
        if buffer_healthy is not UNSET:
            field_dict["bufferHealthy"] = buffer_healthy
        if buffer_stats is not UNSET:
            field_dict["bufferStats"] = buffer_stats

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.buffer_stats import BufferStats

        d = dict(src_dict)
        maintenance_mode = d.pop("maintenanceMode")

        pop_maintenance_mode = d.pop("popMaintenanceMode", UNSET)

        buffered_messages = d.pop("bufferedMessages", UNSET)

        buffer_healthy = d.pop("bufferHealthy", UNSET)

        _buffer_stats = d.pop("bufferStats", UNSET)
        buffer_stats: BufferStats | Unset
        if isinstance(_buffer_stats, Unset):
            buffer_stats = UNSET
        else:
            buffer_stats = BufferStats.from_dict(_buffer_stats)

        maintenance_status = cls(
            maintenance_mode=maintenance_mode,
            pop_maintenance_mode=pop_maintenance_mode,
            buffered_messages=buffered_messages,
            buffer_healthy=buffer_healthy,
            buffer_stats=buffer_stats,
        )

        maintenance_status.additional_properties = d
        return maintenance_status

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
