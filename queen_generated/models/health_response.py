from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.health_response_queen import HealthResponseQueen
    from ..models.shared_state_stats import SharedStateStats


T = TypeVar("T", bound="HealthResponse")


@_attrs_define
class HealthResponse:
    """
    Attributes:
        status (str): `healthy` or `unhealthy`.
        database (str | Unset): `connected` or `disconnected`.
        server (str | Unset):
        worker_id (int | Unset):
        version (str | Unset):
        shared_state (SharedStateStats | Unset): Cluster-sync statistics; `{"enabled": false, "reason": ...}` when the
            component is
            absent.
        queen (HealthResponseQueen | Unset):
    """

    status: str
    database: str | Unset = UNSET
    server: str | Unset = UNSET
    worker_id: int | Unset = UNSET
    version: str | Unset = UNSET
    shared_state: SharedStateStats | Unset = UNSET
    queen: HealthResponseQueen | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        status = self.status

        database = self.database

        server = self.server

        worker_id = self.worker_id

        version = self.version

        shared_state: dict[str, Any] | Unset = UNSET
        if not isinstance(self.shared_state, Unset):
            shared_state = self.shared_state.to_dict()

        queen: dict[str, Any] | Unset = UNSET
        if not isinstance(self.queen, Unset):
            queen = self.queen.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
            }
        )
        if database is not UNSET:
            field_dict["database"] = database
        if server is not UNSET:
            field_dict["server"] = server
        if worker_id is not UNSET:
            field_dict["worker_id"] = worker_id
        if version is not UNSET:
            field_dict["version"] = version
        if shared_state is not UNSET:
            field_dict["shared_state"] = shared_state
        if queen is not UNSET:
            field_dict["queen"] = queen

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.health_response_queen import HealthResponseQueen
        from ..models.shared_state_stats import SharedStateStats

        d = dict(src_dict)
        status = d.pop("status")

        database = d.pop("database", UNSET)

        server = d.pop("server", UNSET)

        worker_id = d.pop("worker_id", UNSET)

        version = d.pop("version", UNSET)

        _shared_state = d.pop("shared_state", UNSET)
        shared_state: SharedStateStats | Unset
        if isinstance(_shared_state, Unset):
            shared_state = UNSET
        else:
            shared_state = SharedStateStats.from_dict(_shared_state)

        _queen = d.pop("queen", UNSET)
        queen: HealthResponseQueen | Unset
        if isinstance(_queen, Unset):
            queen = UNSET
        else:
            queen = HealthResponseQueen.from_dict(_queen)

        health_response = cls(
            status=status,
            database=database,
            server=server,
            worker_id=worker_id,
            version=version,
            shared_state=shared_state,
            queen=queen,
        )

        health_response.additional_properties = d
        return health_response

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
