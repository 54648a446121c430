import type { CollectionConfig } from 'payload'

import { isEditor } from '../src/access/roles'
import { readStoryAudio } from '../src/access/stories'
import { mediaDir, uploadFolders } from '../src/db/paths'
import { fileResponseHeaders } from '../src/delivery/fileHeaders'
import { label } from '../src/fields/label'
import { checkUploadedFile } from '../src/hooks/checkUploadedFile'
import { personal } from '../src/fields/personalData'
import { keepTranscriptWhilePublished } from '../src/hooks/requireTranscript'
import { checkTranscriptOfPublicStories } from '../src/hooks/checkPersonalData'

/** The spoken version of a story (the stories also ran as a podcast). */
export const StoryAudio: CollectionConfig = {
  // A storyteller's voice.
  ...personal,
  slug: 'story-audio',
  labels: { singular: label('Audiofragment', 'Audio file'), plural: label('Audio bij verhalen', 'Story audio') },
  admin: {
    group: label('Verhalen', 'Stories'),
    useAsTitle: 'title',
    defaultColumns: ['title', 'filename', 'durationSeconds'],
  },
  access: {
    read: readStoryAudio,
    create: isEditor,
    update: isEditor,
    delete: isEditor,
    unlock: isEditor,
  },
  hooks: { beforeOperation: [checkUploadedFile], beforeChange: [keepTranscriptWhilePublished, checkTranscriptOfPublicStories] },
  upload: {
    staticDir: mediaDir(uploadFolders['story-audio']),
    mimeTypes: ['audio/mpeg', 'audio/mp4', 'audio/x-m4a', 'audio/aac', 'audio/ogg', 'audio/wav', 'audio/x-wav'],
    pasteURL: false,
    modifyResponseHeaders: fileResponseHeaders,
  },
  fields: [
    { name: 'title', label: label('Titel', 'Title'), type: 'text', required: true, localized: true },
    { name: 'durationSeconds', label: label('Duur (seconden)', 'Duration (seconds)'), type: 'number', min: 0 },
    { name: 'transcript', label: label('Uitgeschreven tekst', 'Transcript'), type: 'textarea', localized: true },
  ],
}
