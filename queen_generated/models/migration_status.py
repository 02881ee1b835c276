from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="MigrationStatus")


@_attrs_define
class MigrationStatus:
    """
    Attributes:
        status (str):
        current_step (str | Unset):
        elapsed_seconds (float | Unset):
        error (str | Unset):
        dump_output (str | Unset):
        restore_output (str | Unset):
    """

    status: str
    current_step: str | Unset = UNSET
    elapsed_seconds: float | Unset = UNSET
    error: str | Unset = UNSET
    dump_output: str | Unset = UNSET
    restore_output: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        current_step = self.current_step

        elapsed_seconds = self.elapsed_seconds

        error = self.error

        dump_output = self.dump_output

        restore_output = self.restore_output

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
            }
        )
        if current_step is not UNSET:
            field_dict["currentStep"] = current_step
        if elapsed_seconds is not UNSET:
            field_dict["elapsedSeconds"] = elapsed_seconds
        if error is not UNSET:
            field_dict["error"] = error
        if dump_output is not UNSET:
            field_dict["dumpOutput"] = dump_output
        if restore_output is not UNSET:
            field_dict["restoreOutput"] = restore_output

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        status = d.pop("status")

        current_step = d.pop("currentStep", UNSET)

        elapsed_seconds = d.pop("elapsedSeconds", UNSET)

        error = d.pop("error", UNSET)

        dump_output = d.pop("dumpOutput", UNSET)

        restore_output = d.pop("restoreOutput", UNSET)

        migration_status = cls(
            status=status,
            current_step=current_step,
            elapsed_seconds=elapsed_seconds,
            error=error,
            dump_output=dump_output,
            restore_output=restore_output,
        )

        migration_status.additional_properties = d
        return migration_status

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
