from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.stream_state_row import StreamStateRow


T = TypeVar("T", bound="StreamStateResponse")


@_attrs_define
class StreamStateResponse:
    """
    Attributes:
        success (bool):
        rows (list[StreamStateRow]):
        version (int | Unset): queen_server extension, answered to `with_version`.
    """

    success: bool
    rows: list[StreamStateRow]
    version: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        success = self.success

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success": success,
                "rows": rows,
            }
        )
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.stream_state_row import StreamStateRow

        d = dict(src_dict)
        success = d.pop("success")

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = StreamStateRow.from_dict(rows_item_data)

            rows.append(rows_item)

        version = d.pop("version", UNSET)

        stream_state_response = cls(
            success=success,
            rows=rows,
            version=version,
        )

        stream_state_response.additional_properties = d
        return stream_state_response

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
