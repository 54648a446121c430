import * as migration_20261123_094613_initial from './20261123_094613_initial';
import * as migration_20261123_100000_help_lines from './20261123_100000_help_lines';
import * as migration_20261123_101535_review_workflow from './20261123_101535_review_workflow';
import * as migration_20261123_103156_public_submissions from './20261123_103156_public_submissions';
import * as migration_20261123_104500_activity_versions from './20261123_104500_activity_versions';
import * as migration_20261123_120000_content_changes from './20261123_120000_content_changes';
import * as migration_20261123_122154_activity_export from './20261123_122154_activity_export';
import * as migration_20261207_123349_upload_storage from './20261207_123349_upload_storage';
import * as migration_20261207_130000_search from './20261207_130000_search';
import * as migration_20261207_131108_webhooks from './20261207_131108_webhooks';
import * as migration_20261207_131501_seo from './20261207_131501_seo';
import * as migration_20261207_132429_merged_schema from './20261207_132429_merged_schema';
import * as migration_20261207_140513_activity_list_index from './20261207_140513_activity_list_index';
import * as migration_20261207_160918_safeguarding from './20261207_160918_safeguarding';

export const migrations = [
  {
    up: migration_20261123_094613_initial.up,
    down: migration_20261123_094613_initial.down,
    name: '20261123_094613_initial',
  },
  {
    up: migration_20261123_100000_help_lines.up,
    down: migration_20261123_100000_help_lines.down,
    name: '20261123_100000_help_lines',
  },
  {
    up: migration_20261123_101535_review_workflow.up,
    down: migration_20261123_101535_review_workflow.down,
    name: '20261123_101535_review_workflow',
  },
  {
    up: migration_20261123_103156_public_submissions.up,
    down: migration_20261123_103156_public_submissions.down,
    name: '20261123_103156_public_submissions',
  },
  {
    up: migration_20261123_104500_activity_versions.up,
    down: migration_20261123_104500_activity_versions.down,
    name: '20261123_104500_activity_versions',
  },
  {
    up: migration_20261123_120000_content_changes.up,
    down: migration_20261123_120000_content_changes.down,
    name: '20261123_120000_content_changes',
  },
  {
    up: migration_20261123_122154_activity_export.up,
    down: migration_20261123_122154_activity_export.down,
    name: '20261123_122154_activity_export',
  },
  {
    up: migration_20261207_123349_upload_storage.up,
    down: migration_20261207_123349_upload_storage.down,
    name: '20261207_123349_upload_storage',
  },
  {
    up: migration_20261207_130000_search.up,
    down: migration_20261207_130000_search.down,
    name: '20261207_130000_search',
  },
  {
    up: migration_20261207_131108_webhooks.up,
    down: migration_20261207_131108_webhooks.down,
    name: '20261207_131108_webhooks',
  },
  {
    up: migration_20261207_131501_seo.up,
    down: migration_20261207_131501_seo.down,
    name: '20261207_131501_seo',
  },
  {
    up: migration_20261207_132429_merged_schema.up,
    down: migration_20261207_132429_merged_schema.down,
    name: '20261207_132429_merged_schema',
  },
  {
    up: migration_20261207_140513_activity_list_index.up,
    down: migration_20261207_140513_activity_list_index.down,
    name: '20261207_140513_activity_list_index',
  },
  {
    up: migration_20261207_160918_safeguarding.up,
    down: migration_20261207_160918_safeguarding.down,
    name: '20261207_160918_safeguarding',
  },
];
