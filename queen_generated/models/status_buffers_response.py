from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="StatusBuffersResponse")


@_attrs_define
class StatusBuffersResponse:
    """
    Attributes:
        pending (int | Unset):
        failed (int | Unset):
        db_healthy (bool | Unset):
        worker (int | Unset):
    """

    pending: int | Unset = UNSET
    failed: int | Unset = UNSET
    db_healthy: bool | Unset = UNSET
    worker: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pending = self.pending

        failed = self.failed

        db_healthy = self.db_healthy

        worker = self.worker

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if pending is not UNSET:
            field_dict["pending"] = pending
        if failed is not UNSET:
            field_dict["failed"] = failed
        if db_healthy is not UNSET:
            field_dict["dbHealthy"] = db_healthy
        if worker is not UNSET:
            field_dict["worker"] = worker

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        pending = d.pop("pending", UNSET)

        failed = d.pop("failed", UNSET)

        db_healthy = d.pop("dbHealthy", UNSET)

        worker = d.pop("worker", UNSET)

        status_buffers_response = cls(
            pending=pending,
            failed=failed,
            db_healthy=db_healthy,
            worker=worker,
        )

        status_buffers_response.additional_properties = d
        return status_buffers_response

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
