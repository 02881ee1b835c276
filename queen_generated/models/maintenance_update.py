from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="MaintenanceUpdate")


@_attrs_define
class MaintenanceUpdate:
    """
    Attributes:
        maintenance_mode (bool):
        buffered_messages (int | Unset):
        buffer_healthy (bool | Unset):
        message (str | Unset):
    """

    maintenance_mode: bool
    buffered_messages: int | Unset = UNSET
    buffer_healthy: bool | Unset = UNSET
    message: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        maintenance_mode = self.maintenance_mode

        buffered_messages = self.buffered_messages

        buffer_healthy = self.buffer_healthy

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "maintenanceMode": maintenance_mode,
            }
        )
        if buffered_messages is not UNSET:
            field_dict["bufferedMessages"] = buffered_messages
        if buffer_healthy is not UNSET:
            field_dict["bufferHealthy"] = buffer_healthy
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        maintenance_mode = d.pop("maintenanceMode")

        buffered_messages = d.pop("bufferedMessages", UNSET)

        buffer_healthy = d.pop("bufferHealthy", UNSET)

        message = d.pop("message", UNSET)

        maintenance_update = cls(
            maintenance_mode=maintenance_mode,
            buffered_messages=buffered_messages,
            buffer_healthy=buffer_healthy,
            message=message,
        )

        maintenance_update.additional_properties = d
        return maintenance_update

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
