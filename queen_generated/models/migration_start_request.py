from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="MigrationStartRequest")


@_attrs_define
class MigrationStartRequest:
    """
    Attributes:
        host (str):
        database (str):
        user (str):
        port (str | Unset):  Default: '5432'.
        password (str | Unset):
        ssl (bool | Unset):
        schema (str | Unset):  Default: 'queen'.
    """

    host: str
    database: str
    user: str
    port: str | Unset = "5432"
    password: str | Unset = UNSET
    ssl: bool | Unset = UNSET
    schema: str | Unset = "queen"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        host = self.host

        database = self.database

        user = self.user

        port = self.port

        password = self.password

        ssl = self.ssl

        schema = self.schema

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "host": host,
                "database": database,
                "user": user,
            }
        )
        if port is not UNSET:
            field_dict["port"] = port
        if password is not UNSET:
            field_dict["password"] = password
        if ssl is not UNSET:
            field_dict["ssl"] = ssl
        if schema is not UNSET:
            field_dict["schema"] = schema

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        host = d.pop("host")

        database = d.pop("database")

        user = d.pop("user")

        port = d.pop("port", UNSET)

        password = d.pop("password", UNSET)

        ssl = d.pop("ssl", UNSET)

        schema = d.pop("schema", UNSET)

        migration_start_request = cls(
            host=host,
            database=database,
            user=user,
            port=port,
            password=password,
            ssl=ssl,
            schema=schema,
        )

        migration_start_request.additional_properties = d
        return migration_start_request

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
