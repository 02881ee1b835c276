from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="PopMaintenanceStatus")


@_attrs_define
class PopMaintenanceStatus:
    """
    Attributes:
        pop_maintenance_mode (bool):
        message (str | Unset):
    """

    pop_maintenance_mode: bool
    message: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pop_maintenance_mode = self.pop_maintenance_mode

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "popMaintenanceMode": pop_maintenance_mode,
            }
        )
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        pop_maintenance_mode = d.pop("popMaintenanceMode")

        message = d.pop("message", UNSET)

        pop_maintenance_status = cls(
            pop_maintenance_mode=pop_maintenance_mode,
            message=message,
        )

        pop_maintenance_status.additional_properties = d
        return pop_maintenance_status

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
