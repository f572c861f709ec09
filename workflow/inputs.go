package workflow

import (
	"time"

	"varsel/ent"
	"varsel/ent/decision"
	"varsel/ent/notificationagreement"
	"varsel/ent/reservation"
	"varsel/rules"
)

// The inputs of the workflow's steps. The GraphQL input types of the same
// names (schema.graphql) bind to them.

// PersonInput is who a victim, survivor or guardian is and where a letter
// reaches them.
type PersonInput struct {
	Name                   string
	NationalIdentityNumber *string
	BirthDate              *time.Time
	AddressLine            *string
	PostalCode             *string
	PostalPlace            *string
	Country                *string
	AddressProtection      rules.AddressProtection
	WrittenStandard        rules.WrittenStandard
	PoliceDistrictID       *int
}

type RegisterConvictInput struct {
	Name                       string
	NationalIdentityNumber     string
	BirthDate                  *time.Time
	UnitID                     *int
	ServingPreventiveDetention bool
	SentenceOverTenYears       bool
	Infoflyt                   bool
	SentenceEndedOn            *time.Time
}

type AddCriminalCaseInput struct {
	ConvictID         int
	CaseNumber        string
	JudgmentDate      time.Time
	OffenceCategories []rules.OffenceCategory
	Status            rules.CaseStatus
	CourtReasoning    *string
}

type AddVictimInput struct {
	CriminalCaseID    int
	Person            PersonInput
	Deceased          bool
	UnderGuardianship bool
}

type AddSurvivorInput struct {
	VictimID          int
	Relation          rules.FamilyRelation
	Person            PersonInput
	UnderGuardianship bool
}

type AddGuardianInput struct {
	VictimID   *int
	SurvivorID *int
	Kind       rules.GuardianKind
	Person     PersonInput
}

// GuardianResult is the guardian registered, with warnings a caseworker must see (RC7).
type GuardianResult struct {
	Guardian *ent.Guardian
	Warnings []string
}

type RecordInstitutionStayInput struct {
	ConvictID      int
	Institution    string
	FromDate       time.Time
	ToDate         *time.Time
	NotifyOnLeaves bool
	Reasoning      string
}

type RegisterCustodyEventInput struct {
	ConvictID         int
	Kind              rules.EventKind
	StartsAt          time.Time
	EndsAt            *time.Time
	DateOnly          bool
	FullTermRelease   bool
	ProbationEndsOn   *time.Time
	InstitutionStayID *int
}

type ConditionInput struct {
	Kind                rules.ConditionKind
	Area                *string
	AreaLevel           *rules.AreaLevel
	Description         *string
	ConcernsVictimIDs   []int
	ConcernsSurvivorIDs []int
}

type RecordConditionsInput struct {
	CustodyEventID int
	Conditions     []ConditionInput
}

type RequestInformationInput struct {
	CustodyEventID   int
	Source           rules.InformationSource
	SourceName       *string
	Purpose          string
	PoliceDistrictID *int
}

type RecordInformationAnswerInput struct {
	InformationRequestID int
	AnsweredAt           *time.Time
	Summary              string
}

type RecordSecurityAssessmentInput struct {
	CustodyEventID      int
	PossibleRevengeRisk bool
	Reasoning           string
	PoliceDistrictID    *int
}

type RecordSecurityFindingInput struct {
	CustodyEventID int
	Reasoning      string
}

type RecordPoliceStatementInput struct {
	SecurityAssessmentID int
	RiskConfirmed        bool
	Statement            string
}

type RecordSignificanceAssessmentInput struct {
	CustodyEventID            int
	VictimID                  *int
	SurvivorID                *int
	Notify                    bool
	Factors                   rules.Factors
	Reasoning                 string
	SeveralSurvivorsReasoning *string
	RealNeedReasoning         *string
}

type DecideNotificationInput struct {
	CustodyEventID  int
	Reasoning       string
	ReasonsWithheld *rules.ExemptionGround
}

type RecordConvictInformedInput struct {
	DecisionID          int
	InformedAt          *time.Time
	How                 *decision.ConvictInformedHow
	ImpracticableReason *string
	OralAppealAnswer    *decision.OralAppealAnswer
}

type RegisterAppealInput struct {
	DecisionID     int
	ReceivedAt     time.Time
	Grounds        *string
	Representative *RepresentativeInput
}

// RepresentativeInput is the convict's representative (fullmektig) in an
// appeal (DC8).
type RepresentativeInput struct {
	Name                            string
	NationalIdentityNumber          *string
	IsInmate                        bool
	IsServingSentence               bool
	IsEmployedByCorrectionalService bool
}

type DecideAppealInput struct {
	AppealID  int
	Upheld    bool
	Reasoning string
}

type RecordReservationInput struct {
	VictimID   *int
	SurvivorID *int
	ReservedAt time.Time
	How        reservation.How
}

type RecordNotificationAgreementInput struct {
	VictimID   *int
	SurvivorID *int
	Frequency  rules.AgreementFrequency
	AgreedAt   time.Time
	How        notificationagreement.How
	Note       *string
}

type PrepareNoticesInput struct {
	CustodyEventID            int
	Channel                   *rules.Channel
	LateJustification         *string
	EarlyReleaseJustification *string
}

// PrepareNoticesResult is the event's notices after preparing, with what the
// caseworker must know (recipients skipped and why, excluded guardians).
type PrepareNoticesResult struct {
	Notices  []*ent.Notice
	Warnings []string
}

type ReleaseNoticeInput struct {
	NoticeID      int
	Justification *string
}

type CancelNoticeInput struct {
	NoticeID int
	Reason   string
}

// AppealDeadlineInfo is when the appeal deadline would end for a decision
// that reaches the convict on a day, and why it moved past the seventh day
// (DC4).
type AppealDeadlineInfo struct {
	InformedOn time.Time
	Deadline   time.Time
	MovedPast  []string
}

// Clock is the time the service runs on; Simulated in dev mode when
// VARSEL_DEV_CLOCK fixes or moves it.
type Clock struct {
	Now       time.Time
	Simulated bool
}
