from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.buffer_stats_failed_files import BufferStatsFailedFiles


T = TypeVar("T", bound="BufferStats")


@_attrs_define
class BufferStats:
    """
    Attributes:
        pending_count (int | Unset):
        failed_count (int | Unset):
        db_healthy (bool | Unset):
        failed_files (BufferStatsFailedFiles | Unset):
    """

    pending_count: int | Unset = UNSET
    failed_count: int | Unset = UNSET
    db_healthy: bool | Unset = UNSET
    failed_files: BufferStatsFailedFiles | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        pending_count = self.pending_count

        failed_count = self.failed_count

        db_healthy = self.db_healthy

        failed_files: dict[str, Any] | Unset = UNSET
        if not isinstance(self.failed_files, Unset):
            failed_files = self.failed_files.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if pending_count is not UNSET:
            field_dict["pendingCount"] = pending_count
        if failed_count is not UNSET:
            field_dict["failedCount"] = failed_count
        if db_healthy is not UNSET:
            field_dict["dbHealthy"] = db_healthy
        if failed_files is not UNSET:
            field_dict["failedFiles"] = failed_files

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.buffer_stats_failed_files import BufferStatsFailedFiles

        d = dict(src_dict)
        pending_count = d.pop("pendingCount", UNSET)

        failed_count = d.pop("failedCount", UNSET)

        db_healthy = d.pop("dbHealthy", UNSET)

        _failed_files = d.pop("failedFiles", UNSET)
        failed_files: BufferStatsFailedFiles | Unset
        if isinstance(_failed_files, Unset):
            failed_files = UNSET
        else:
            failed_files = BufferStatsFailedFiles.from_dict(_failed_files)

        buffer_stats = cls(
            pending_count=pending_count,
            failed_count=failed_count,
            db_healthy=db_healthy,
            failed_files=failed_files,
        )

        buffer_stats.additional_properties = d
        return buffer_stats

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
