/** A policy statement as it appears in a synthesized template. */
export interface Statement {
  readonly Effect: 'Allow' | 'Deny';
  readonly Action: string | string[];
  readonly Resource?: unknown;
  readonly Principal?: unknown;
  readonly Condition?: unknown;
}

/** A policy document found in the template, with where it came from. */
export interface FoundPolicy {
  readonly source: string;
  readonly roles: string[];
  readonly statements: Statement[];
}

type Resources = Record<string, { Type: string; Properties?: Record<string, any> }>;

const list = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);
const roleIds = (refs: unknown): string[] => list(refs as Array<{ Ref: string }>).map((r) => r.Ref);

/** Every permission policy in a template: identity policies, inline role policies, bucket and queue policies. */
export function allPolicies(template: { Resources: Resources }): FoundPolicy[] {
  const found: FoundPolicy[] = [];
  for (const [id, r] of Object.entries(template.Resources)) {
    const p = r.Properties ?? {};
    if (r.Type === 'AWS::IAM::Policy' || r.Type === 'AWS::IAM::ManagedPolicy') {
      found.push({ source: id, roles: roleIds(p.Roles), statements: list(p.PolicyDocument.Statement) });
    } else if (r.Type === 'AWS::IAM::Role') {
      for (const inline of list(p.Policies as Array<{ PolicyDocument: { Statement: Statement[] } }>)) {
        found.push({ source: id, roles: [id], statements: list(inline.PolicyDocument.Statement) });
      }
    } else if (r.Type === 'AWS::S3::BucketPolicy' || r.Type === 'AWS::SQS::QueuePolicy') {
      found.push({ source: id, roles: [], statements: list(p.PolicyDocument.Statement) });
    }
  }
  return found;
}

/** Renders an intrinsic-laden ARN as text: `<Id.Arn>/uploads/*`, `<Id>` for a Ref. */
export function renderArn(x: unknown): string {
  if (typeof x === 'string') return x;
  const o = x as Record<string, any>;
  if (o['Fn::GetAtt']) return `<${o['Fn::GetAtt'].join('.')}>`;
  if (o.Ref) return `<${o.Ref}>`;
  if (o['Fn::Join']) return (o['Fn::Join'][1] as unknown[]).map(renderArn).join(o['Fn::Join'][0]);
  return JSON.stringify(x);
}

/** The Allow grants of one role as `action → sorted rendered resources`. */
export function grantsOf(template: { Resources: Resources }, roleId: string): Record<string, string[]> {
  const grants: Record<string, string[]> = {};
  for (const policy of allPolicies(template).filter((p) => p.roles.includes(roleId))) {
    for (const s of policy.statements.filter((st) => st.Effect === 'Allow')) {
      for (const action of list(s.Action)) {
        grants[action] = [...(grants[action] ?? []), ...list(s.Resource).map(renderArn)].sort();
      }
    }
  }
  return grants;
}
