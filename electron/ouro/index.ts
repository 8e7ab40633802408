// Public surface of the Ouro API client for the main process and the web host.
export { createOuroClient, defaultTimeouts, type OuroClient, type VerifiedKey } from './client';
export type { OuroClientOptions, Clock, OuroLogger, RetryOptions, TimeoutOptions, CallOptions } from './types';
export type { SearchParams, SearchApi, FilterValue } from './search';
export type { AssetsApi } from './assets';
export type { FilesApi } from './files';
export type { DownloadOptions, DownloadProgress, DownloadResult } from './download';
export type { DatasetsApi, RowsPage, RowsParams } from './datasets';
export type { ConversationsApi, ConversationListParams, MessagesPage, MessagesParams } from './conversations';
export type { UsersApi } from './users';
export type { Http, HttpRequest, JsonResult, StreamContext } from './http';
export type { OrganizationsApi, TeamsApi, TeamListParams } from './organizations';
