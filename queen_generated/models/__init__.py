"""Contains all the data models used in inputs/outputs"""

from .ack_batch_request import AckBatchRequest
from .ack_request import AckRequest
from .ack_result import AckResult
from .buffer_stats import BufferStats
from .buffer_stats_failed_files import BufferStatsFailedFiles
from .configure_request import ConfigureRequest
from .configure_response import ConfigureResponse
from .consumer_group_delete_response import ConsumerGroupDeleteResponse
from .consumer_group_detail import ConsumerGroupDetail
from .consumer_group_partition import ConsumerGroupPartition
from .consumer_group_queue import ConsumerGroupQueue
from .consumer_group_summary import ConsumerGroupSummary
from .db_error_body import DbErrorBody
from .dlq_list_response import DlqListResponse
from .dlq_message import DlqMessage
from .error_body import ErrorBody
from .health_response import HealthResponse
from .health_response_queen import HealthResponseQueen
from .lag_stats import LagStats
from .lagging_partition import LaggingPartition
from .lease_extend_request import LeaseExtendRequest
from .lease_extend_result import LeaseExtendResult
from .maintenance_status import MaintenanceStatus
from .maintenance_toggle import MaintenanceToggle
from .maintenance_update import MaintenanceUpdate
from .message import Message
from .message_action_response import MessageActionResponse
from .message_consumer_group_state import MessageConsumerGroupState
from .message_counts import MessageCounts
from .message_detail import MessageDetail
from .message_list_mode import MessageListMode
from .message_list_response import MessageListResponse
from .message_queue_config import MessageQueueConfig
from .message_summary import MessageSummary
from .message_summary_bus_status import MessageSummaryBusStatus
from .message_trace import MessageTrace
from .message_traces_response import MessageTracesResponse
from .metrics_response import MetricsResponse
from .metrics_response_cpu import MetricsResponseCpu
from .metrics_response_database import MetricsResponseDatabase
from .metrics_response_memory import MetricsResponseMemory
from .metrics_response_messages import MetricsResponseMessages
from .metrics_response_requests import MetricsResponseRequests
from .migration_connection import MigrationConnection
from .migration_connection_result import MigrationConnectionResult
from .migration_start_request import MigrationStartRequest
from .migration_state_change import MigrationStateChange
from .migration_status import MigrationStatus
from .migration_validation import MigrationValidation
from .named_trace import NamedTrace
from .namespace_list_response import NamespaceListResponse
from .namespace_summary import NamespaceSummary
from .notify_request import NotifyRequest
from .notify_response import NotifyResponse
from .null_value_body import NullValueBody
from .pagination import Pagination
from .partition_list_response import PartitionListResponse
from .partition_seek_response import PartitionSeekResponse
from .partition_summary import PartitionSummary
from .pop_maintenance_status import PopMaintenanceStatus
from .pop_paused_body import PopPausedBody
from .pop_response import PopResponse
from .postgres_stats_response import PostgresStatsResponse
from .postgres_stats_response_active_queries_item import (
    PostgresStatsResponseActiveQueriesItem,
)
from .postgres_stats_response_autovacuum_status_item import (
    PostgresStatsResponseAutovacuumStatusItem,
)
from .postgres_stats_response_buffer_config import PostgresStatsResponseBufferConfig
from .postgres_stats_response_buffer_usage_item import (
    PostgresStatsResponseBufferUsageItem,
)
from .postgres_stats_response_cache_summary import PostgresStatsResponseCacheSummary
from .postgres_stats_response_database_cache import PostgresStatsResponseDatabaseCache
from .postgres_stats_response_dead_tuples_item import (
    PostgresStatsResponseDeadTuplesItem,
)
from .postgres_stats_response_hot_updates_item import (
    PostgresStatsResponseHotUpdatesItem,
)
from .postgres_stats_response_index_cache_item import (
    PostgresStatsResponseIndexCacheItem,
)
from .postgres_stats_response_table_cache_item import (
    PostgresStatsResponseTableCacheItem,
)
from .postgres_stats_response_table_sizes_item import (
    PostgresStatsResponseTableSizesItem,
)
from .push_buffered_result import PushBufferedResult
from .push_buffered_result_status import PushBufferedResultStatus
from .push_item import PushItem
from .push_request import PushRequest
from .push_result import PushResult
from .push_result_status import PushResultStatus
from .queue_clear_response import QueueClearResponse
from .queue_delete_response import QueueDeleteResponse
from .queue_detail import QueueDetail
from .queue_lag_point import QueueLagPoint
from .queue_list_response import QueueListResponse
from .queue_ops_response import QueueOpsResponse
from .queue_ops_response_series_item import QueueOpsResponseSeriesItem
from .queue_options import QueueOptions
from .queue_parked_replicas_response import QueueParkedReplicasResponse
from .queue_parked_replicas_response_series_item import (
    QueueParkedReplicasResponseSeriesItem,
)
from .queue_partition import QueuePartition
from .queue_summary import QueueSummary
from .resources_overview import ResourcesOverview
from .resources_overview_lag import ResourcesOverviewLag
from .resources_overview_throughput import ResourcesOverviewThroughput
from .retention_analytics_response import RetentionAnalyticsResponse
from .retention_analytics_response_series_item import (
    RetentionAnalyticsResponseSeriesItem,
)
from .retention_analytics_response_totals import RetentionAnalyticsResponseTotals
from .seek_response import SeekResponse
from .seek_to_end_request import SeekToEndRequest
from .seek_to_timestamp_request import SeekToTimestampRequest
from .shared_state_stats import SharedStateStats
from .shared_state_stats_queue_config_cache import SharedStateStatsQueueConfigCache
from .shared_state_stats_server_health import SharedStateStatsServerHealth
from .stats_refresh_response import StatsRefreshResponse
from .stats_refresh_response_cleanup import StatsRefreshResponseCleanup
from .stats_refresh_response_namespace import StatsRefreshResponseNamespace
from .stats_refresh_response_partition import StatsRefreshResponsePartition
from .stats_refresh_response_queue import StatsRefreshResponseQueue
from .stats_refresh_response_system import StatsRefreshResponseSystem
from .stats_refresh_response_task import StatsRefreshResponseTask
from .status_analytics_response import StatusAnalyticsResponse
from .status_analytics_response_data_points_item import (
    StatusAnalyticsResponseDataPointsItem,
)
from .status_buffers_response import StatusBuffersResponse
from .status_queue_detail import StatusQueueDetail
from .status_queue_detail_partitions_item import StatusQueueDetailPartitionsItem
from .status_queue_detail_queue import StatusQueueDetailQueue
from .status_queue_detail_totals import StatusQueueDetailTotals
from .status_queue_list_response import StatusQueueListResponse
from .status_queue_message import StatusQueueMessage
from .status_response import StatusResponse
from .status_response_dead_letter_queue import StatusResponseDeadLetterQueue
from .status_response_errors import StatusResponseErrors
from .status_response_leases import StatusResponseLeases
from .status_response_messages import StatusResponseMessages
from .status_response_queues_item import StatusResponseQueuesItem
from .status_response_throughput_item import StatusResponseThroughputItem
from .status_response_workers_item import StatusResponseWorkersItem
from .stream_ack_result import StreamAckResult
from .stream_cycle_ack import StreamCycleAck
from .stream_cycle_request import StreamCycleRequest
from .stream_cycle_response import StreamCycleResponse
from .stream_push_item import StreamPushItem
from .stream_query_request import StreamQueryRequest
from .stream_query_response import StreamQueryResponse
from .stream_query_response_partitions_item import StreamQueryResponsePartitionsItem
from .stream_state_op import StreamStateOp
from .stream_state_request import StreamStateRequest
from .stream_state_response import StreamStateResponse
from .stream_state_row import StreamStateRow
from .subscription_update_request import SubscriptionUpdateRequest
from .subscription_update_response import SubscriptionUpdateResponse
from .system_metrics_response import SystemMetricsResponse
from .system_metrics_response_replicas_item import SystemMetricsResponseReplicasItem
from .task_list_response import TaskListResponse
from .task_summary import TaskSummary
from .time_range import TimeRange
from .trace_name_summary import TraceNameSummary
from .trace_names_response import TraceNamesResponse
from .trace_record_request import TraceRecordRequest
from .trace_record_response import TraceRecordResponse
from .traces_by_name_response import TracesByNameResponse
from .transaction_ack_operation import TransactionAckOperation
from .transaction_operation_result import TransactionOperationResult
from .transaction_push_flat_operation import TransactionPushFlatOperation
from .transaction_push_operation import TransactionPushOperation
from .transaction_request import TransactionRequest
from .transaction_response import TransactionResponse
from .worker_metrics_response import WorkerMetricsResponse
from .worker_metrics_response_queues_item import WorkerMetricsResponseQueuesItem
from .worker_metrics_response_summary import WorkerMetricsResponseSummary
from .worker_metrics_response_time_series_item import (
    WorkerMetricsResponseTimeSeriesItem,
)
from .worker_metrics_response_workers_item import WorkerMetricsResponseWorkersItem

__all__ = (
    "AckBatchRequest",
    "AckRequest",
    "AckResult",
    "BufferStats",
    "BufferStatsFailedFiles",
    "ConfigureRequest",
    "ConfigureResponse",
    "ConsumerGroupDeleteResponse",
    "ConsumerGroupDetail",
    "ConsumerGroupPartition",
    "ConsumerGroupQueue",
    "ConsumerGroupSummary",
    "DbErrorBody",
    "DlqListResponse",
    "DlqMessage",
    "ErrorBody",
    "HealthResponse",
    "HealthResponseQueen",
    "LagStats",
    "LaggingPartition",
    "LeaseExtendRequest",
    "LeaseExtendResult",
    "MaintenanceStatus",
    "MaintenanceToggle",
    "MaintenanceUpdate",
    "Message",
    "MessageActionResponse",
    "MessageConsumerGroupState",
    "MessageCounts",
    "MessageDetail",
    "MessageListMode",
    "MessageListResponse",
    "MessageQueueConfig",
    "MessageSummary",
    "MessageSummaryBusStatus",
    "MessageTrace",
    "MessageTracesResponse",
    "MetricsResponse",
    "MetricsResponseCpu",
    "MetricsResponseDatabase",
    "MetricsResponseMemory",
    "MetricsResponseMessages",
    "MetricsResponseRequests",
    "MigrationConnection",
    "MigrationConnectionResult",
    "MigrationStartRequest",
    "MigrationStateChange",
    "MigrationStatus",
    "MigrationValidation",
    "NamedTrace",
    "NamespaceListResponse",
    "NamespaceSummary",
    "NotifyRequest",
    "NotifyResponse",
    "NullValueBody",
    "Pagination",
    "PartitionListResponse",
    "PartitionSeekResponse",
    "PartitionSummary",
    "PopMaintenanceStatus",
    "PopPausedBody",
    "PopResponse",
    "PostgresStatsResponse",
    "PostgresStatsResponseActiveQueriesItem",
    "PostgresStatsResponseAutovacuumStatusItem",
    "PostgresStatsResponseBufferConfig",
    "PostgresStatsResponseBufferUsageItem",
    "PostgresStatsResponseCacheSummary",
    "PostgresStatsResponseDatabaseCache",
    "PostgresStatsResponseDeadTuplesItem",
    "PostgresStatsResponseHotUpdatesItem",
    "PostgresStatsResponseIndexCacheItem",
    "PostgresStatsResponseTableCacheItem",
    "PostgresStatsResponseTableSizesItem",
    "PushBufferedResult",
    "PushBufferedResultStatus",
    "PushItem",
    "PushRequest",
    "PushResult",
    "PushResultStatus",
    "QueueClearResponse",
    "QueueDeleteResponse",
    "QueueDetail",
    "QueueLagPoint",
    "QueueListResponse",
    "QueueOpsResponse",
    "QueueOpsResponseSeriesItem",
    "QueueOptions",
    "QueueParkedReplicasResponse",
    "QueueParkedReplicasResponseSeriesItem",
    "QueuePartition",
    "QueueSummary",
    "ResourcesOverview",
    "ResourcesOverviewLag",
    "ResourcesOverviewThroughput",
    "RetentionAnalyticsResponse",
    "RetentionAnalyticsResponseSeriesItem",
    "RetentionAnalyticsResponseTotals",
    "SeekResponse",
    "SeekToEndRequest",
    "SeekToTimestampRequest",
    "SharedStateStats",
    "SharedStateStatsQueueConfigCache",
    "SharedStateStatsServerHealth",
    "StatsRefreshResponse",
    "StatsRefreshResponseCleanup",
    "StatsRefreshResponseNamespace",
    "StatsRefreshResponsePartition",
    "StatsRefreshResponseQueue",
    "StatsRefreshResponseSystem",
    "StatsRefreshResponseTask",
    "StatusAnalyticsResponse",
    "StatusAnalyticsResponseDataPointsItem",
    "StatusBuffersResponse",
    "StatusQueueDetail",
    "StatusQueueDetailPartitionsItem",
    "StatusQueueDetailQueue",
    "StatusQueueDetailTotals",
    "StatusQueueListResponse",
    "StatusQueueMessage",
    "StatusResponse",
    "StatusResponseDeadLetterQueue",
    "StatusResponseErrors",
    "StatusResponseLeases",
    "StatusResponseMessages",
    "StatusResponseQueuesItem",
    "StatusResponseThroughputItem",
    "StatusResponseWorkersItem",
    "StreamAckResult",
    "StreamCycleAck",
    "StreamCycleRequest",
    "StreamCycleResponse",
    "StreamPushItem",
    "StreamQueryRequest",
    "StreamQueryResponse",
    "StreamQueryResponsePartitionsItem",
    "StreamStateOp",
    "StreamStateRequest",
    "StreamStateResponse",
    "StreamStateRow",
    "SubscriptionUpdateRequest",
    "SubscriptionUpdateResponse",
    "SystemMetricsResponse",
    "SystemMetricsResponseReplicasItem",
    "TaskListResponse",
    "TaskSummary",
    "TimeRange",
    "TraceNameSummary",
    "TraceNamesResponse",
    "TraceRecordRequest",
    "TraceRecordResponse",
    "TracesByNameResponse",
    "TransactionAckOperation",
    "TransactionOperationResult",
    "TransactionPushFlatOperation",
    "TransactionPushOperation",
    "TransactionRequest",
    "TransactionResponse",
    "WorkerMetricsResponse",
    "WorkerMetricsResponseQueuesItem",
    "WorkerMetricsResponseSummary",
    "WorkerMetricsResponseTimeSeriesItem",
    "WorkerMetricsResponseWorkersItem",
)
