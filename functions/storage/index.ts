export type { ObjectInfo, Storage, StoredObject, UploadForm, UploadRequest } from './types';
