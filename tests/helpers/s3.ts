import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
// @ts-expect-error -- s3rver ships no types; it is used through run() and close() only.
import S3rver from 's3rver'

import { freePort } from '../../src/db/embedded'

/**
 * A real S3-compatible server (s3rver) on loopback, its data in a private folder under the run's
 * temporary folder. `stop()` takes it away (an outage), `dispose()` also removes its data.
 */
export type S3Server = {
  endpoint: string
  stop: () => Promise<void>
  dispose: () => Promise<void>
}

export async function startS3Server(): Promise<S3Server> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'wtk-s3-'))
  const port = await freePort()
  const server = new S3rver({ address: '127.0.0.1', port, directory, silent: true })
  await server.run()
  let running = true
  const stop = async () => {
    if (running) await server.close()
    running = false
  }
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop,
    dispose: async () => {
      await stop()
      fs.rmSync(directory, { recursive: true, force: true })
    },
  }
}

/** Looks into a bucket the way an operator would, with the AWS SDK. */
export function bucketReader(client: S3Client, bucket: string) {
  return {
    create: () => client.send(new CreateBucketCommand({ Bucket: bucket })),
    keys: async (prefix = ''): Promise<string[]> => {
      const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }))
      return (listed.Contents ?? []).map((object) => object.Key!).sort()
    },
    bytes: async (key: string): Promise<Buffer> => {
      const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }))
      return Buffer.from(await object.Body!.transformToByteArray())
    },
  }
}
