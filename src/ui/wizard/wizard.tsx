import {Box, Text, useInput, useStdout} from 'ink'
import {useEffect, useMemo, useRef, useState} from 'react'

import {CancelledError} from '../../lib/errors.js'
import {applyMigrationDecisions, type MigrationDecisions, type SharedSecretChoice} from '../../plan/decisions.js'
import type {MigrationOutcome, MigrationPlanResult, MigrationReview} from '../../services/migrate.js'
import type {ScanProgress} from '../../services/scan.js'
import {wizardChoicesFor, wizardFilePreviewLines, wizardOverviewRows, wizardSecretGroups, type SecretGroup} from './model.js'
import {ApplyProgressScreen, ChooseClientsScreen, ConfirmScreen, FilePreviewScreen, HelpScreen, OverviewScreen, ReviewSecretScreen, ScanProgressScreen, SummaryScreen} from './screens.js'

/** How the wizard ends: applied (with the outcome), cancelled before writing, or failed while applying. */
export type WizardResult = MigrationReview

export interface MigrationWizardProps {
  /** Makes the plan (scan included), reporting the scan's progress, which the wizard shows meanwhile. */
  readonly plan: (onScanProgress: (progress: ScanProgress) => void) => Promise<MigrationPlanResult>
  /** Applies the plan the person confirmed (the same service `--yes` calls); `stop` aborts on Ctrl-C. */
  readonly apply: (planned: MigrationPlanResult, onProgress: (message: string) => void, stop: AbortSignal) => Promise<MigrationOutcome>
  readonly nextSteps: (outcome: MigrationOutcome) => string[]
  readonly onDone: (result: WizardResult) => void
  readonly color?: boolean
}

type Step = 'scan' | 'overview' | 'clients' | 'review' | 'files' | 'confirm' | 'apply' | 'summary'
const ORDER: Step[] = ['overview', 'clients', 'review', 'files', 'confirm']

/**
 * A line being typed, after one input event. Under load a terminal delivers several keys as one chunk
 * (backspaces, then letters, then Enter): each character counts, so nothing typed is lost or misread.
 */
export function typedText(current: string, input: string, key: {return: boolean; backspace: boolean; delete: boolean}, allowed: RegExp): {text: string; done: boolean} {
  if (key.return) return {text: current, done: true}
  if (key.backspace || key.delete) return {text: current.slice(0, -1), done: false}
  let text = current
  for (const ch of input) {
    if (ch === '\r' || ch === '\n') return {text, done: true}
    if (ch === '\u007f' || ch === '\b') text = text.slice(0, -1)
    else if (allowed.test(ch)) text += ch
  }
  return {text, done: false}
}

/** The interactive migration: scan, overview, clients, review, file preview, confirm, apply, summary. */
export function MigrationWizard({plan: makePlan, apply, nextSteps, onDone: report, color}: MigrationWizardProps) {
  const applying = useRef(false)
  const stopping = useRef(new AbortController())
  const [stopAsked, setStopAsked] = useState(false)
  const ended = useRef(false)
  const onDone = (result: WizardResult): void => {
    if (ended.current) return
    ended.current = true
    report(result)
  }
  const {stdout} = useStdout()
  const [step, setStep] = useState<Step>('scan')
  const [help, setHelp] = useState(false)
  const [started] = useState(() => Date.now())
  const [now, setNow] = useState(() => Date.now())
  const [planned, setPlanned] = useState<MigrationPlanResult>()
  const [scanProgress, setScanProgress] = useState<ScanProgress>()
  const [chosen, setChosen] = useState<Set<string>>(new Set())
  const [cursor, setCursor] = useState(0)
  const [groupIndex, setGroupIndex] = useState(0)
  const [renames, setRenames] = useState<Record<string, string>>({})
  const [choices, setChoices] = useState<Record<string, SharedSecretChoice>>({})
  const [editing, setEditingState] = useState<string>()
  // Keys can arrive faster than React re-renders: the text being typed is read from a ref, never a stale closure.
  const editingRef = useRef<string | undefined>(undefined)
  const setEditing = (value: string | undefined): void => {
    editingRef.current = value
    setEditingState(value)
  }
  const [searching, setSearchingState] = useState<string>()
  const searchingRef = useRef<string | undefined>(undefined)
  const setSearching = (value: string | undefined): void => {
    searchingRef.current = value
    setSearchingState(value)
  }
  const [messages, setMessages] = useState<string[]>([])
  const [failure, setFailure] = useState<{message: string; stopped: boolean}>()
  const [outcome, setOutcome] = useState<MigrationOutcome>()

  useEffect(() => {
    if (step !== 'scan') return
    const timer = setInterval(() => setNow(Date.now()), 100)
    makePlan(setScanProgress).then(
      (result) => {
        setPlanned(result)
        setChosen(new Set(result.plan.tenants))
        if (result.plan.files.length === 0) onDone({kind: 'applied', outcome: {run: null, root: result.root, plan: result.plan, created: 0, reused: 0, written: [], skipped: [], recovered: [], clientFolders: []}, startAccessLayer: false})
        else setStep('overview')
      },
      (error: unknown) => onDone({kind: 'failed', error}),
    )
    return () => clearInterval(timer)
    // The plan is made once, when the wizard opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const groups = useMemo(() => (planned === undefined ? [] : wizardSecretGroups(applyMigrationDecisions(planned.plan, {tenants: [...chosen]}), planned.scan?.owners)), [planned, chosen])
  // A choice made is kept only where the key offers it; otherwise the key's default (the first it offers).
  const choiceOf = (group: SecretGroup): SharedSecretChoice => {
    const options = wizardChoicesFor(group)
    const made = choices[group.fingerprint]
    return made !== undefined && options.includes(made) ? made : (options[0] ?? 'separate')
  }
  const nameOf = (fingerprint: string): string => {
    const group = groups.find((g) => g.fingerprint === fingerprint)
    return renames[fingerprint] ?? group?.entries[0].ref.name ?? ''
  }
  const decisions = (): MigrationDecisions => {
    const byPlaceholder: Record<string, string> = {}
    for (const g of groups) if (renames[g.fingerprint] !== undefined) for (const e of g.entries) byPlaceholder[e.placeholder] = renames[g.fingerprint]
    const shared: Record<string, {choice: SharedSecretChoice; owner?: string}> = {}
    for (const g of groups) if (choices[g.fingerprint] !== undefined) shared[g.fingerprint] = {choice: choiceOf(g), owner: g.owner}
    return {tenants: [...chosen], renames: byPlaceholder, choices: shared}
  }
  const [decided, decisionError] = useMemo(() => {
    if (planned === undefined) return [undefined, undefined]
    try {
      return [applyMigrationDecisions(planned.plan, decisions()), undefined]
    } catch (error) {
      return [undefined, error instanceof Error ? error.message : String(error)]
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [planned, chosen, renames, choices, groups])
  const previewLines = useMemo(() => (decided === undefined ? [] : wizardFilePreviewLines(decided)), [decided])

  const go = (to: Step): void => {
    setCursor(0)
    setStep(to)
  }
  const forward = (): void => {
    const i = ORDER.indexOf(step)
    if (step === 'review' && groups.length === 0) return go('files')
    go(ORDER[Math.min(i + 1, ORDER.length - 1)])
  }
  const back = (): void => {
    const i = ORDER.indexOf(step)
    if (i > 0) go(ORDER[i - 1])
  }
  const startApply = (): void => {
    // A second Enter can reach a stale handler before the screen changes: one apply per wizard, ever.
    if (planned === undefined || decided === undefined || applying.current) return
    applying.current = true
    setStep('apply')
    apply({...planned, plan: decided}, (m) => setMessages((all) => [...all, m]), stopping.current.signal).then(
      (result) => {
        setOutcome(result)
        setStep('summary')
      },
      (error: unknown) => {
        setFailure({message: error instanceof Error ? error.message : String(error), stopped: error instanceof CancelledError})
        setTimeout(() => onDone({kind: 'failed', error}), 50)
      },
    )
  }

  useInput((input, key) => {
    if (ended.current) return
    // Once apply has begun, Ctrl-C (or q, Esc) asks the run to stop: it finishes the file in hand and puts every file back.
    if (applying.current && step !== 'summary') {
      if ((key.ctrl && input === 'c') || input === 'q' || key.escape) {
        stopping.current.abort()
        setStopAsked(true)
      }
      return
    }
    if (step === 'summary') {
      // One confirmation for the next step: connect the client folders and start the access layer.
      const offered = outcome!.run !== null
      if (offered && (key.return || input === 'y')) onDone({kind: 'applied', outcome: outcome!, startAccessLayer: true})
      else if (input === 'n' || input === 'q' || key.escape || (key.ctrl && input === 'c') || (!offered && key.return)) onDone({kind: 'applied', outcome: outcome!, startAccessLayer: false})
      return
    }
    const editing = editingRef.current
    if (editing !== undefined) {
      if (key.escape) return setEditing(undefined)
      if (key.ctrl && input === 'c') return onDone({kind: 'cancelled'})
      const typed = typedText(editing, input, key, /[a-z0-9._-]/)
      if (typed.done) {
        const group = groups[groupIndex]
        if (group !== undefined && typed.text !== '') setRenames((r) => ({...r, [group.fingerprint]: typed.text}))
        setEditing(undefined)
      } else setEditing(typed.text)
      return
    }
    const query = searchingRef.current
    if (query !== undefined) {
      if (key.escape) return setSearching(undefined)
      if (key.ctrl && input === 'c') return onDone({kind: 'cancelled'})
      const typed = typedText(query, input, key, /[^\u0000-\u001f\u007f]/)
      if (typed.done) {
        // The first key, from the one shown on, whose entry, provider or files mention the text.
        const needle = typed.text.toLowerCase()
        const hits = (i: number): boolean => {
          const g = groups[i]
          return [g.provider ?? '', g.ruleId, ...g.entries.flatMap((e) => [e.placeholder, ...e.files])].some((t) => t.toLowerCase().includes(needle))
        }
        const order = groups.map((_, i) => (groupIndex + i) % groups.length)
        const found = needle === '' ? undefined : order.find(hits)
        if (found !== undefined) setGroupIndex(found)
        setSearching(undefined)
      } else setSearching(typed.text)
      return
    }
    if (input === 'q' || key.escape || (key.ctrl && input === 'c')) return onDone({kind: 'cancelled'})
    if (input === '?') return setHelp(!help)
    if (help || step === 'scan') return
    if (input === 'b') {
      if (step === 'review' && groupIndex > 0) return setGroupIndex(groupIndex - 1)
      return back()
    }
    if (step === 'clients') {
      const tenants = planned?.plan.tenants ?? []
      if (key.upArrow) setCursor(Math.max(0, cursor - 1))
      else if (key.downArrow) setCursor(Math.min(tenants.length - 1, cursor + 1))
      else if (input === ' ') {
        const next = new Set(chosen)
        const t = tenants[cursor]
        if (next.has(t)) next.delete(t)
        else next.add(t)
        setChosen(next)
      } else if (key.return && chosen.size > 0) {
        setGroupIndex(0)
        forward()
      }
      return
    }
    if (step === 'review') {
      const group = groups[groupIndex]
      if (group === undefined) return forward()
      const options = wizardChoicesFor(group)
      const current = options.indexOf(choiceOf(group))
      const choose = (i: number): void => setChoices((c) => ({...c, [group.fingerprint]: options[(i + options.length) % options.length]}))
      const choosing = options.length > 0
      if (input === '/') setSearching('')
      else if (input === 'r') setEditing(nameOf(group.fingerprint))
      else if (input === 'a') forward()
      else if (choosing && (key.leftArrow || key.upArrow)) choose(current - 1)
      else if (choosing && (key.rightArrow || key.downArrow)) choose(current + 1)
      else if (choosing && /^[1-3]$/.test(input)) choose(Number(input) - 1)
      else if (key.return) {
        if (groupIndex + 1 < groups.length) setGroupIndex(groupIndex + 1)
        else forward()
      }
      return
    }
    if (step === 'files' || step === 'overview') {
      const last = step === 'files' ? previewLines.length - 1 : (planned?.plan.tenants.length ?? 1) - 1
      if (key.upArrow) setCursor(Math.max(0, cursor - 1))
      else if (key.downArrow) setCursor(Math.min(last, cursor + 1))
      else if (key.return) forward()
      return
    }
    if (step === 'confirm') {
      if (key.return && decided !== undefined) startApply()
      return
    }
    if (key.return) forward()
  })

  // 80 columns at most: wide terminals get the same layout, narrower ones wrap.
  const width = Math.min(80, stdout.columns || 80)
  let screen
  if (help) screen = <HelpScreen width={width} />
  else if (step === 'scan' || planned === undefined) screen = <ScanProgressScreen progress={scanProgress} elapsedMs={now - started} color={color} width={width} />
  else if (step === 'overview') {
    const wrongClient = planned.scan === undefined ? undefined : new Map(planned.scan.tenants.map((t) => [t.tenant, t.foreign]))
    screen = <OverviewScreen rows={wizardOverviewRows(planned.plan, wrongClient)} risks={planned.scan?.risks ?? []} skipped={planned.plan.skipped.length} cursor={cursor} color={color} width={width} />
  }
  else if (step === 'clients') screen = <ChooseClientsScreen tenants={planned.plan.tenants} chosen={chosen} cursor={cursor} color={color} width={width} />
  else if (step === 'review' && groups[groupIndex] !== undefined) {
    const group = groups[groupIndex]
    screen = <ReviewSecretScreen group={group} index={groupIndex} total={groups.length} name={nameOf(group.fingerprint)} choice={choiceOf(group)} editing={editing} color={color} width={width} />
  } else if (step === 'review' || step === 'files') screen = <FilePreviewScreen lines={previewLines} cursor={cursor} color={color} width={width} />
  else if (step === 'confirm' && decided !== undefined) screen = <ConfirmScreen plan={decided} unfinished={planned.unfinished} color={color} width={width} />
  else if (step === 'confirm') screen = <ApplyProgressScreen messages={[]} error={decisionError} color={color} width={width} />
  else if (step === 'apply' || outcome === undefined) screen = <ApplyProgressScreen messages={messages} error={failure?.message} stopped={failure?.stopped} stopping={stopAsked} color={color} width={width} />
  else screen = <SummaryScreen outcome={outcome} next={nextSteps(outcome)} color={color} width={width} />
  return (
    <Box flexDirection="column" width={width}>
      {screen}
      {searching === undefined ? null : <Text>Find: {searching}▏ (enter jumps, esc closes)</Text>}
    </Box>
  )
}
