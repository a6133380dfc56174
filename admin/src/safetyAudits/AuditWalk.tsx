import { Alert, Box, Button, Card, CardContent, LinearProgress, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { Title, useGetList } from 'react-admin';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { today } from '../common/dates';
import { graphqlRequest } from '../graphql/client';
import { AREAS, RESULTS, type ChecklistItemRecord, type FindingRecord, type SafetyAuditRecord } from './types';
import { CREATE_AUDIT, SAVE_FINDINGS, SUBMIT_AUDIT, WALK_AUDIT, WALK_START } from './walkQueries';

interface Template {
  id: string;
  name: string;
  versionNumber: number;
  publishedAt: string | null;
  items?: ChecklistItemRecord[];
}

/** Targets a gloved thumb hits on a tablet held while walking. */
const BIG = { minHeight: 56, minWidth: 120, fontSize: '1.05rem' };

/** Start an audit of one of your schools, or resume a draft. */
function StartAudit() {
  const navigate = useNavigate();
  const { data: schools } = useGetList('schools', { pagination: { page: 1, perPage: 500 }, sort: { field: 'name', order: 'ASC' } });
  const [start, setStart] = useState<{ templates: Template[]; drafts: { id: string; date: string; school: { name: string } | null }[] }>();
  const [schoolId, setSchoolId] = useState('');
  const [error, setError] = useState<string>();
  useEffect(() => {
    graphqlRequest<{
      checklistTemplates: Template[];
      safetyAudits: { items: { id: string; date: string; school: { name: string } | null }[] };
    }>(WALK_START)
      .then((answer) => setStart({ templates: answer.checklistTemplates, drafts: answer.safetyAudits.items }))
      .catch((failure: Error) => setError(failure.message));
  }, []);
  const template = start?.templates.find((candidate) => candidate.publishedAt);
  const begin = async () => {
    if (!template) return;
    try {
      const answer = await graphqlRequest<{ createSafetyAudit: { id: string } }>(CREATE_AUDIT, {
        input: { schoolId, templateId: template.id, date: today() },
      });
      navigate(`/safety-audit-walk/${answer.createSafetyAudit.id}`);
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  return (
    <Stack spacing={2} sx={{ maxWidth: 640 }}>
      {error && <Alert severity="error">{error}</Alert>}
      {start?.drafts.map((draft) => (
        <Button key={draft.id} component={Link} to={`/safety-audit-walk/${draft.id}`} variant="outlined" sx={BIG}>
          Resume the draft of {draft.school?.name ?? 'a school'} ({draft.date})
        </Button>
      ))}
      <TextField select label="School" value={schoolId} onChange={(event) => setSchoolId(event.target.value)}>
        {(schools ?? []).map((school) => (
          <MenuItem key={school.id} value={String(school.id)}>
            {school.name}
          </MenuItem>
        ))}
      </TextField>
      <Button variant="contained" sx={BIG} disabled={!schoolId || !template} onClick={begin}>
        Start today's audit{template ? ` (${template.name}, version ${template.versionNumber})` : ''}
      </Button>
    </Stack>
  );
}

/** One area at a time; every tap is saved at once, so a draft resumes where it was left. */
function WalkAudit({ auditId }: { auditId: string }) {
  const [audit, setAudit] = useState<SafetyAuditRecord>();
  const [items, setItems] = useState<ChecklistItemRecord[]>([]);
  const [area, setArea] = useState(0);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    graphqlRequest<{ safetyAudit: SafetyAuditRecord | null; checklistTemplates: Template[] }>(WALK_AUDIT, { id: auditId })
      .then((answer) => {
        if (!answer.safetyAudit) throw new Error('This audit does not exist or is not yours to see');
        setAudit(answer.safetyAudit);
        setItems(answer.checklistTemplates.find((template) => template.id === answer.safetyAudit!.templateId)?.items ?? []);
      })
      .catch((failure: Error) => setError(failure.message));
  }, [auditId]);

  const save = useCallback(
    async (finding: { itemId: string; result: FindingRecord['result']; note?: string | null }) => {
      setSaving(true);
      try {
        const answer = await graphqlRequest<{ saveSafetyAuditFindings: SafetyAuditRecord }>(SAVE_FINDINGS, {
          id: auditId,
          findings: [finding],
        });
        setAudit(answer.saveSafetyAuditFindings);
        setError(undefined);
      } catch (failure) {
        setError((failure as Error).message);
      } finally {
        setSaving(false);
      }
    },
    [auditId],
  );

  if (error && !audit) return <Alert severity="error">{error}</Alert>;
  if (!audit) return <LinearProgress aria-label="Loading the audit" />;
  const areas = AREAS.filter((candidate) => items.some((item) => item.area === candidate.id));
  const current = areas[area];
  const findingOf = (itemId: string) => audit.findings.find((finding) => finding.itemId === itemId);
  const answered = audit.findings.length;
  const readOnly = audit.status !== 'DRAFT';
  const submit = async () => {
    try {
      const answer = await graphqlRequest<{ submitSafetyAudit: SafetyAuditRecord }>(SUBMIT_AUDIT, { id: auditId, version: audit.version });
      setAudit(answer.submitSafetyAudit);
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  return (
    <Stack spacing={2}>
      <Typography variant="h6">
        {audit.school?.name} · {audit.date} · {answered} of {items.length} items ·{' '}
        {readOnly ? 'submitted (read-only)' : saving ? 'saving…' : 'saved'}
      </Typography>
      {error && <Alert severity="error">{error}</Alert>}
      <Typography variant="h5" component="h2">
        {current?.name} ({area + 1} of {areas.length})
      </Typography>
      {items
        .filter((item) => item.area === current?.id)
        .map((item) => {
          const finding = findingOf(item.id);
          return (
            <Card key={item.id} variant="outlined">
              <CardContent>
                <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
                  {item.criterion}
                </Typography>
                <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                  {item.guidance}
                </Typography>
                <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
                  {RESULTS.map((result) => (
                    <Button
                      key={result.id}
                      sx={BIG}
                      color={result.color}
                      disabled={readOnly}
                      variant={finding?.result === result.id ? 'contained' : 'outlined'}
                      aria-pressed={finding?.result === result.id}
                      onClick={() => save({ itemId: item.id, result: result.id, note: finding?.note ?? null })}
                    >
                      {result.name}
                    </Button>
                  ))}
                </Box>
                {finding && finding.severity && (
                  <TextField
                    fullWidth
                    sx={{ mt: 1 }}
                    label={`Note (${finding.severity.toLowerCase()}); never name a student`}
                    defaultValue={finding.note ?? ''}
                    disabled={readOnly}
                    slotProps={{ htmlInput: { maxLength: 500 } }}
                    onBlur={(event) => {
                      if (event.target.value !== (finding.note ?? ''))
                        void save({ itemId: item.id, result: finding.result, note: event.target.value });
                    }}
                  />
                )}
              </CardContent>
            </Card>
          );
        })}
      <Stack direction="row" spacing={2}>
        <Button sx={BIG} variant="outlined" disabled={area === 0} onClick={() => setArea(area - 1)}>
          Previous area
        </Button>
        {area < areas.length - 1 ? (
          <Button sx={BIG} variant="contained" onClick={() => setArea(area + 1)}>
            Next area
          </Button>
        ) : (
          <Button sx={BIG} variant="contained" color="success" disabled={readOnly || answered < items.length} onClick={submit}>
            Submit the audit
          </Button>
        )}
      </Stack>
    </Stack>
  );
}

/** The audit walk: a tablet-sized form, one area at a time, saving as it goes. */
export function AuditWalk() {
  const { id } = useParams();
  return (
    <Box sx={{ py: 2 }}>
      <Title title="Safety audit walk" />
      {id ? <WalkAudit auditId={id} /> : <StartAudit />}
    </Box>
  );
}
