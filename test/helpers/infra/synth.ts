import { rmSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { DawstampsStack } from '../../../infra/stack';

/** A CloudFormation template as plain JSON. */
export type TemplateJson = { Resources: Record<string, any>; [section: string]: any };

/** A synthesized dawstamps stack: its template and the cloud assembly directory (bundles). */
export interface Synthesized {
  readonly template: Template;
  readonly json: TemplateJson;
  readonly assemblyDir: string;
  /** Removes the assembly directory (bundles included). */
  readonly dispose: () => void;
}

/** Synthesizes the real stack once (bundling with the local esbuild, no network, no credentials). */
export function synthesize(): Synthesized {
  // CDK's built-in CloudFormation validation (a wasm engine, ~6 s) is left to `npm run synth`.
  const app = new App({ builtinCloudFormationValidation: false });
  const stack = new DawstampsStack(app, 'Dawstamps');
  const assembly = app.synth();
  const template = Template.fromJSON(assembly.getStackArtifact(stack.artifactId).template);
  return {
    template,
    json: template.toJSON() as TemplateJson,
    assemblyDir: assembly.directory,
    dispose: () => rmSync(assembly.directory, { recursive: true, force: true }),
  };
}

/** The one resource of a type whose logical id starts with prefix, as [logicalId, resource]. */
export function resourceOf(
  s: Synthesized, type: string, idPrefix: string,
): [string, { Properties: Record<string, any>; DeletionPolicy?: string }] {
  const found = Object.entries(s.template.findResources(type)).filter(([id]) => id.startsWith(idPrefix));
  if (found.length !== 1) throw new Error(`expected one ${type} named ${idPrefix}*, found ${found.length}`);
  return found[0] as [string, { Properties: Record<string, any>; DeletionPolicy?: string }];
}
