from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.message_consumer_group_state import MessageConsumerGroupState
    from ..models.message_list_mode import MessageListMode
    from ..models.message_queue_config import MessageQueueConfig


T = TypeVar("T", bound="MessageDetail")


@_attrs_define
class MessageDetail:
    """
    Attributes:
        id (str):
        transaction_id (str):
        partition_id (str):
        queue_path (str | Unset):
        queue (str | Unset):
        partition (str | Unset):
        namespace (str | Unset):
        task (str | Unset):
        status (str | Unset):
        payload (Any | Unset): The payload (decrypted).
        is_encrypted (bool | Unset):
        trace_id (None | str | Unset):
        producer_sub (None | str | Unset):
        created_at (str | Unset):
        error_message (None | str | Unset): From the message's DLQ entry
        retry_count (int | None | Unset): From the message's DLQ entry
        lease_expires_at (None | str | Unset):
        queue_config (MessageQueueConfig | Unset):
        mode (MessageListMode | Unset):
        consumer_groups (list[MessageConsumerGroupState] | Unset):
    """

    id: str
    transaction_id: str
    partition_id: str
    queue_path: str | Unset = UNSET
    queue: str | Unset = UNSET
    partition: str | Unset = UNSET
    namespace: str | Unset = UNSET
    task: str | Unset = UNSET
    status: str | Unset = UNSET
    payload: Any | Unset = UNSET
    is_encrypted: bool | Unset = UNSET
    trace_id: None | str | Unset = UNSET
    producer_sub: None | str | Unset = UNSET
    created_at: str | Unset = UNSET
    error_message: None | str | Unset = UNSET
    retry_count: int | None | Unset = UNSET
    lease_expires_at: None | str | Unset = UNSET
    queue_config: MessageQueueConfig | Unset = UNSET
    mode: MessageListMode | Unset = UNSET
    consumer_groups: list[MessageConsumerGroupState] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        id = self.id

        transaction_id = self.transaction_id

        partition_id = self.partition_id

        queue_path = self.queue_path

        queue = self.queue

        partition = self.partition

        namespace = self.namespace

        task = self.task

        status = self.status

        payload = self.payload

        is_encrypted = self.is_encrypted

        trace_id: None | str | Unset
        if isinstance(self.trace_id, Unset):
            trace_id = UNSET
        else:
            trace_id = self.trace_id

        producer_sub: None | str | Unset
        if isinstance(self.producer_sub, Unset):
            producer_sub = UNSET
        else:
            producer_sub = self.producer_sub

        created_at = self.created_at

        error_message: None | str | Unset
        if isinstance(self.error_message, Unset):
            error_message = UNSET
        else:
            error_message = self.error_message

        retry_count: int | None | Unset
        if isinstance(self.retry_count, Unset):
            retry_count = UNSET
        else:
            retry_count = self.retry_count

        lease_expires_at: None | str | Unset
        if isinstance(self.lease_expires_at, Unset):
            lease_expires_at = UNSET
        else:
            lease_expires_at = self.lease_expires_at

        queue_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.queue_config, Unset):
            queue_config = self.queue_config.to_dict()

        mode: dict[str, Any] | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode.to_dict()

        consumer_groups: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.consumer_groups, Unset):
            consumer_groups = []
            for consumer_groups_item_data in self.consumer_groups:
                consumer_groups_item = consumer_groups_item_data.to_dict()
                consumer_groups.append(consumer_groups_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "transactionId": transaction_id,
                "partitionId": partition_id,
            }
        )
        if queue_path is not UNSET:
            field_dict["queuePath"] = queue_path
        if queue is not UNSET:
            field_dict["queue"] = queue
        if partition is not UNSET:
            field_dict["partition"] = partition
        if namespace is not UNSET:
            field_dict["namespace"] = namespace
        if task is not UNSET:
            field_dict["task"] = task
        if status is not UNSET:
            field_dict["status"] = status
        if payload is not UNSET:
            field_dict["payload"] = payload
        if is_encrypted is not UNSET:
            field_dict["isEncrypted"] = is_encrypted
        if trace_id is not UNSET:
            field_dict["traceId"] = trace_id
        if producer_sub is not UNSET:
            field_dict["producerSub"] = producer_sub
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if error_message is not UNSET:
            field_dict["errorMessage"] = error_message
        if retry_count is not UNSET:
            field_dict["retryCount"] = retry_count
        if lease_expires_at is not UNSET:
            field_dict["leaseExpiresAt"] = lease_expires_at
        if queue_config is not UNSET:
            field_dict["queueConfig"] = queue_config
        if mode is not UNSET:
            field_dict["mode"] = mode
        if consumer_groups is not UNSET:
            field_dict["consumerGroups"] = consumer_groups

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.message_consumer_group_state import MessageConsumerGroupState
        from ..models.message_list_mode import MessageListMode
        from ..models.message_queue_config import MessageQueueConfig

        d = dict(src_dict)
        id = d.pop("id")

        transaction_id = d.pop("transactionId")

        partition_id = d.pop("partitionId")

        queue_path = d.pop("queuePath", UNSET)

        queue = d.pop("queue", UNSET)

        partition = d.pop("partition", UNSET)

        namespace = d.pop("namespace", UNSET)

        task = d.pop("task", UNSET)

        status = d.pop("status", UNSET)

        payload = d.pop("payload", UNSET)

        is_encrypted = d.pop("isEncrypted", UNSET)

        def _parse_trace_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        trace_id = _parse_trace_id(d.pop("traceId", UNSET))

        def _parse_producer_sub(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        producer_sub = _parse_producer_sub(d.pop("producerSub", UNSET))

        created_at = d.pop("createdAt", UNSET)

        def _parse_error_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_message = _parse_error_message(d.pop("errorMessage", UNSET))

        def _parse_retry_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        retry_count = _parse_retry_count(d.pop("retryCount", UNSET))

        def _parse_lease_expires_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        lease_expires_at = _parse_lease_expires_at(d.pop("leaseExpiresAt", UNSET))

        _queue_config = d.pop("queueConfig", UNSET)
        queue_config: MessageQueueConfig | Unset
        if isinstance(_queue_config, Unset):
            queue_config = UNSET
        else:
            queue_config = MessageQueueConfig.from_dict(_queue_config)

        _mode = d.pop("mode", UNSET)
        mode: MessageListMode | Unset
        if isinstance(_mode, Unset):
            mode = UNSET
        else:
            mode = MessageListMode.from_dict(_mode)

        _consumer_groups = d.pop("consumerGroups", UNSET)
        consumer_groups: list[MessageConsumerGroupState] | Unset = UNSET
        if _consumer_groups is not UNSET:
            consumer_groups = []
            for consumer_groups_item_data in _consumer_groups:
                consumer_groups_item = MessageConsumerGroupState.from_dict(
                    consumer_groups_item_data
                )

                consumer_groups.append(consumer_groups_item)

        message_detail = cls(
            id=id,
            transaction_id=transaction_id,
            partition_id=partition_id,
            queue_path=queue_path,
            queue=queue,
            partition=partition,
            namespace=namespace,
            task=task,
            status=status,
            payload=payload,
            is_encrypted=is_encrypted,
            trace_id=trace_id,
            producer_sub=producer_sub,
            created_at=created_at,
            error_message=error_message,
            retry_count=retry_count,
            lease_expires_at=lease_expires_at,
            queue_config=queue_config,
            mode=mode,
            consumer_groups=consumer_groups,
        )

        message_detail.additional_properties = d
        return message_detail

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
