// The model registry's rules: gate policies and their evaluation, promotion requests and their sign-offs.
export {
  GATE_POLICY_DEFAULT,
  gateCheckDescribe,
  gatePolicyValidate,
  type ApprovalRequirement,
  type GateCheck,
  type GateFairnessMeasure,
  type GatePolicy,
  type GatePolicyValidation,
} from './gates';
export {
  gateEvaluate,
  gateEvidenceDigest,
  type GateChampion,
  type GateCheckResult,
  type GateContext,
  type GateDrift,
  type GateEvaluation,
  type GateEvidence,
  type GateFairnessGroup,
} from './gate-evaluate';
export {
  PROMOTION_STATES,
  PROMOTION_TERMINAL,
  promotionNext,
  type PromotionEvent,
  type PromotionState,
  type PromotionTransition,
} from './promotion';
export { approvalMayDecide, approvalQuorum, type ApprovalQuorum, type ApprovalRecord } from './approvals';
