/**
 * Y catalog Cymraeg: the Welsh catalogue, written for this service (ADR 22). Loaded only when a
 * person chooses Cymraeg on a council that offers it, so English readers never download it.
 * Terms follow established Welsh public-service usage: "plant sy'n derbyn gofal" (looked-after
 * children), "Ymwelydd Annibynnol" (Independent Visitor), "gweithiwr cymdeithasol", "gofalwr",
 * "atgyfeiriad", "gwirfoddolwr". Messages about a form address a professional as "chi" and a young
 * person as "ti", as the English does in plainer words for young people. Messages that put a phrase
 * into a sentence ("Rhaid rhoi {what}", "Dylai {what} …") are worded so that the phrase needs no
 * mutation.
 */
import { displayDate } from "@tandem/domain/calendar";
import type { Catalogue } from "./en";
import type { FormWords } from "./form-words";

export const messages: Catalogue = {
  "shell.skipLink": "Neidio i'r prif gynnwys",
  "shell.supportLinks": "Dolenni cymorth",
  "shell.privacy": "Hysbysiad preifatrwydd",
  "shell.contact": "Cysylltu",
  "shell.accessibility": "Datganiad hygyrchedd",
  "shell.cookies": "Cwcis",
  "shell.tagline": "Tandem: cynlluniau Ymwelwyr Annibynnol",
  "shell.languages": "Dewis iaith",
  "shell.loading": "Yn llwytho…",
  "shell.errorPrefix": "Gwall: ",
  "shell.problemTitle": "Mae'n ddrwg gennym, mae problem gyda'r gwasanaeth",
  "shell.tryLater": "Rhowch gynnig arall arni nes ymlaen.",
  "shell.startPage": "Mynd i'r dudalen gychwyn",
  "shell.phase": "Beta",
  "shell.phaseLead": "Mae hwn yn wasanaeth newydd. Helpwch ni i'w wella: ",
  "shell.feedbackCouncil": "rhowch eich adborth i {council}",
  "shell.feedbackTandem": "rhowch eich adborth i Tandem drwy e-bost",

  "form.continue": "Parhau",
  "form.saveAndReturn": "Cadw a dod yn ôl nes ymlaen",
  "form.saveAndBack": "Cadw a mynd yn ôl at eich atebion",
  "form.noPage":
    "Nid oes gan y ffurflen hon dudalen yn y cyfeiriad hwn. Os dilynoch chi ddolen neu deipio'r cyfeiriad, efallai ei fod wedi dyddio.",
  "form.noPageAnswers": "Mae eich atebion hyd yma wedi'u cadw: ewch yn ôl atyn nhw i barhau.",
  "form.noPageBack": "Mynd yn ôl at eich atebion",
  "form.noPageStart": "Dechrau'r ffurflen o'r dechrau",
  "form.addAnother": "Ychwanegu {noun} arall",
  "form.tickEach": "Ticiwch bob datganiad i'w gadarnhau",
  "form.sensitive":
    "Mae'r dudalen hon yn gofyn am {what}. Mae {controller} yn defnyddio'r wybodaeth hon i redeg ei gynllun Ymwelwyr Annibynnol yn ddiogel yn unig, a dim ond staff y cynllun sy'n gallu ei darllen. ",
  "form.sensitiveLink": "Darllenwch yr hysbysiad preifatrwydd (yn agor mewn tab newydd)",
  "form.sensitiveEnd": " i weld am ba hyd y caiff ei chadw a beth yw eich hawliau.",
  "form.change": "Newid",
  "form.back": "Yn ôl",
  "form.startNow": "Dechrau nawr",
  "form.start": "Dechrau",
  "form.errorSummary": "Mae problem",
  "form.unexpected":
    "Mae'n ddrwg gennym, aeth rhywbeth o'i le. Rhowch gynnig arall arni; os bydd yn digwydd eto, ail-lwythwch y dudalen",
  "form.day": "Diwrnod",
  "form.month": "Mis",
  "form.year": "Blwyddyn",
  "form.yes": "Ydy",
  "form.no": "Nac ydy",
  "answer.enter": "Rhaid rhoi {what}",
  "answer.dateIncomplete": "Dylai {what} gynnwys diwrnod, mis a blwyddyn",
  "answer.dateReal": "Dylai {what} fod yn ddyddiad go iawn",
  "answer.theShort": "{short}",
  "answer.confirm": "Rhaid cadarnhau {short}",
  "answer.selectFile": "Rhaid dewis {short}",
  "answer.answerQuestion": "Rhaid ateb y cwestiwn: {short}",
  "answer.number": "Rhaid rhoi {short} fel rhif, er enghraifft 12",
  "answer.numberOf": "Rhaid rhoi {short} fel rhif o {unit}, er enghraifft 12",
  "answer.tooLong": "Dylai {what} fod yn {max} nod neu lai",
  "answer.confirmed": "Wedi'i gadarnhau",
  "answer.notConfirmed": "Heb ei gadarnhau",
  "answer.notGiven": "Heb ei roi",
  "refusal.notSent": "Mae'n ddrwg gennym, nid oedd modd anfon yr {noun}. Rhowch gynnig arall arni",
  "refusal.changed": "Mae eich atebion wedi newid ers i chi eu hanfon gyntaf. Anfonwch yr {noun} eto",
  "problem.unreadable": "Nid oedd modd darllen yr hyn a anfonwyd. Ail-lwythwch y dudalen a rhowch gynnig arall arni",
  "problem.notFound":
    "Ni allem ddod o hyd i hwn. Gwiriwch eich bod wedi copïo'r cyfeiriad cyfan o'r e-bost, neu cysylltwch â'r cynllun",
  "problem.changed":
    "Nid oes modd gwneud hyn nawr: mae rhywbeth wedi newid ers i chi agor y dudalen. Ail-lwythwch y dudalen a rhowch gynnig arall arni",
  "problem.alreadySent": "Mae hwn wedi'i anfon yn barod: nid oes angen gwneud dim arall",
  "problem.gone":
    "Mae'r ddolen neu'r cod hwn wedi'i ddefnyddio, wedi dod i ben neu nid yw'n cael ei adnabod mwyach. Cysylltwch â'r cynllun os oes angen un newydd arnoch",
  "problem.tooLarge": "Mae'r hyn rydych wedi'i anfon yn rhy fawr. Byrhewch eich atebion a rhowch gynnig arall arni",
  "problem.tooMany":
    "Mae gormod o geisiadau wedi dod o'r cyfeiriad hwn. Arhoswch ychydig funudau a rhowch gynnig arall arni",
  "problem.suspended": "Nid yw cynllun y cyngor yn derbyn ceisiadau ar hyn o bryd. Cysylltwch â'r cyngor",
  "problem.unavailable": "Nid yw'r gwasanaeth yn gallu ateb ar hyn o bryd. Rhowch gynnig arall arni ymhen munud",
  "problem.ours": "Aeth rhywbeth o'i le ar ein hochr ni. Rhowch gynnig arall arni yn nes ymlaen",
  "problem.formTooLarge":
    "Mae'r hyn rydych wedi'i anfon yn rhy fawr: gall tudalen o'r ffurflen hon anfon hyd at {kb} KB. Ewch yn ôl gyda botwm Yn ôl eich porwr, byrhewch eich atebion hiraf ac anfonwch y dudalen eto.",
  "problem.notFromPage": "Dim ond o'i thudalen ei hun y gellir anfon y ffurflen hon",

  "council.notFoundTitle": "Heb ddod o hyd i'r dudalen",
  "council.notFound1": "Nid oes cynllun Ymwelwyr Annibynnol unrhyw gyngor yn defnyddio'r cyfeiriad hwn.",
  "council.notFound2":
    "Os gwnaethoch deipio'r cyfeiriad gwe, gwiriwch ei fod yn gywir. Os gwnaethoch ddilyn dolen, gofynnwch i'r cyngor am ei gyfeiriad presennol.",
  "council.email": "E-bost",
  "council.phone": "Ffôn",
  "council.contactHeading": "Cysylltu â'r cynllun",
  "council.howWeUse": "Sut rydym yn defnyddio eich gwybodaeth",
  "council.holds":
    "Mae {council} yn cadw'r hyn rydych yn ei ddweud wrthym ac yn ei ddefnyddio i redeg ei gynllun Ymwelwyr Annibynnol yn unig. ",
  "council.asks": "Mae'r ffurflen yn gofyn am {asks}. ",
  "council.readPrivacy": "Darllenwch hysbysiad preifatrwydd {council}",
  "council.readPrivacyEnd": " i weld pwy sy'n gallu ei darllen, am ba hyd y caiff ei chadw a beth yw eich hawliau.",
  "council.closedReferrals": "Nid yw {council} yn derbyn atgyfeiriadau ar-lein ar hyn o bryd.",
  "council.closedVolunteers": "Nid yw {council} yn derbyn ymholiadau gan wirfoddolwyr ar-lein ar hyn o bryd.",
  "council.closedBoth":
    "Nid yw {council} yn derbyn atgyfeiriadau nac ymholiadau gan wirfoddolwyr ar-lein ar hyn o bryd.",
  "council.closedInstead": "Cysylltwch â'r cynllun drwy e-bost neu dros y ffôn yn lle hynny.",
  "council.navLabel": "Cynllun {council}",
  "council.navAbout": "Am y cynllun",
  "council.navRefer": "Atgyfeirio plentyn",
  "council.navVolunteer": "Gwirfoddoli",
  "about.title": "Cynllun Ymwelwyr Annibynnol",
  "about.description":
    "Cynllun Ymwelwyr Annibynnol {council}: gwirfoddolwyr sy'n ymweld â phlant a phobl ifanc sy'n derbyn gofal gan y cyngor. Atgyfeiriwch blentyn neu gwnewch gais i wirfoddoli.",
  "about.lead":
    "Gwirfoddolwr yw Ymwelydd Annibynnol sy'n ymweld â phlentyn neu berson ifanc sy'n derbyn gofal, yn rheolaidd ac am flynyddoedd, fel ffrind sy'n oedolyn y gall ymddiried ynddo.",
  "refer.title": "Atgyfeirio plentyn neu berson ifanc",
  "refer.heading": "Atgyfeirio plentyn neu berson ifanc am Ymwelydd Annibynnol",
  "refer.description":
    "Atgyfeiriwch blentyn neu berson ifanc sy'n derbyn gofal gan {council} am Ymwelydd Annibynnol: gwirfoddolwr sy'n ymweld ag ef fel ffrind sy'n oedolyn y gall ymddiried ynddo.",
  "refer.who":
    "Gall gweithwyr cymdeithasol, Swyddogion Adolygu Annibynnol a swyddogion hawliau plant atgyfeirio plentyn sy'n derbyn gofal gan y cyngor.",
  "refer.whoSelf": " Gall pobl ifanc eu hatgyfeirio eu hunain.",
  "volunteer.title": "Dod yn Ymwelydd Annibynnol",
  "volunteer.description":
    "Gwnewch gais i {council} i ddod yn Ymwelydd Annibynnol: gwirfoddolwr sy'n ymweld â phlentyn neu berson ifanc sy'n derbyn gofal.",
  "volunteer.lead":
    "Gwirfoddolwyr {age} oed neu hŷn yw Ymwelwyr Annibynnol. Maen nhw'n ymweld â phlentyn sy'n derbyn gofal {frequency} ac yn gwneud pethau gyda'i gilydd y mae'r plentyn yn eu mwynhau.",
  "privacy.title": "Hysbysiad preifatrwydd",
  "privacy.description":
    "Sut mae {council} yn defnyddio'r wybodaeth rydych yn ei rhoi i'w gynllun Ymwelwyr Annibynnol.",
  "privacy.none":
    "Nid yw {council} wedi rhoi ei hysbysiad preifatrwydd ar gyfer y cynllun yma eto. Cysylltwch â'r cynllun i ofyn sut mae'n defnyddio eich gwybodaeth.",
  "contact.description": "Sut i gysylltu â chynllun Ymwelwyr Annibynnol {council}.",
  "contact.lead": "Gofynnwch am atgyfeirio plentyn, am wirfoddoli, neu am y wybodaeth sydd gan y cynllun amdanoch chi.",
  "scheme.weekly": "tua unwaith yr wythnos",
  "scheme.fortnightly": "tua unwaith bob pythefnos",
  "scheme.monthly": "tua unwaith y mis",

  "scheme.hours": "{n} awr",
  "scheme.hour": "1 awr",
  "scheme.hoursRange": "{min} i {max} awr",
  "scheme.month": "1 mis",
  "scheme.months": "{n} mis",
  "scheme.years": "{n} o flynyddoedd",
  "scheme.referees0": "dim canolwyr",
  "scheme.referees1": "un canolwr",
  "scheme.referees2": "dau ganolwr",
  "scheme.referees3": "tri chanolwr",
  "scheme.referees4": "pedwar canolwr",
  "scheme.referees5": "pum canolwr",
  "scheme.refereesN": "{n} canolwr",
  "volunteerStart.does": "Beth mae Ymwelydd Annibynnol yn ei wneud",
  "volunteerStart.role":
    "Byddwch yn cael eich paru ag un plentyn neu berson ifanc sy'n derbyn gofal ac yn ymweld ag ef {frequency}, am {length}, am o leiaf {commitment}. Byddwch yn dewis pethau i'w gwneud gyda'ch gilydd: mynd am dro, gwylio gêm, ymweld ag amgueddfa, cael pryd o fwyd. Ffrind ydych chi, nid gweithiwr cymdeithasol na gofalwr.",
  "volunteerStart.support":
    "Mae'r cynllun yn talu eich treuliau, yn rhoi hyfforddiant i chi a chydlynydd i siarad ag ef pryd bynnag y bydd angen.",
  "volunteerStart.who": "Pwy all wneud cais",
  "volunteerStart.who1": "unrhyw un {age} oed neu hŷn sy'n gallu ymrwymo am o leiaf {commitment}",
  "volunteerStart.who2": "nid oes angen cymwysterau, car na phrofiad o weithio gyda phlant arnoch",
  "volunteerStart.who3": "rhaid i chi gytuno i wiriad DBS manwl a gwiriadau diogelwch eraill",
  "volunteerStart.after": "Beth sy'n digwydd ar ôl i chi wneud cais",
  "volunteerStart.afterText":
    "Byddwn yn dod i'ch adnabod ac yn gwirio eich bod yn ddiogel i weithio gyda phlant: byddwn yn siarad â chi am y rôl, yn gofyn i'ch {referees} am eirdaon ac yn gwneud y gwiriadau diogelwch. Yna bydd y cynllun yn penderfynu a fydd yn eich cymeradwyo. Ar ôl hyfforddiant, byddwn yn eich cyflwyno i blentyn.",
  "volunteerStart.need1": "eich cyfeiriad a'ch dyddiad geni",
  "volunteerStart.need2": "enwau, cyfeiriadau e-bost a rhifau ffôn {referees}",
  "volunteerStart.professionalOne": ": rhaid iddo eich adnabod yn broffesiynol",
  "volunteerStart.professionalAny": ": rhaid i un ohonynt eich adnabod yn broffesiynol",
  "volunteerStart.time": "Mae'n cymryd tua 15 munud.",
  "volunteerStart.asks": "eich iechyd ac unrhyw gofnod troseddol",
  "referStart.selfHeading": "Os wyt ti'n berson ifanc sy'n derbyn gofal",
  "referStart.selfText": "Gelli di ofyn am Ymwelydd Annibynnol dy hun. ",
  "referStart.selfLink": "Gofyn am Ymwelydd Annibynnol i ti dy hun",
  "referStart.before": "Cyn i chi ddechrau",
  "referStart.need": "Bydd angen y canlynol arnoch:",
  "referStart.need1": "manylion y plentyn a'i statws gofal",
  "referStart.need2": "yr hyn rydych yn ei wybod am ei gyswllt â'i deulu, ei ddiddordebau a'i ddymuniadau",
  "referStart.need3": "unrhyw risgiau y dylai gwirfoddolwr wybod amdanynt",
  "referStart.need4": "eich cyfeiriad e-bost gwaith: rydym yn anfon cod iddo i gadarnhau'r atgyfeiriad",
  "referStart.time": "Mae'n cymryd tua 15 munud. Gallwch gadw eich atebion a dod yn ôl nes ymlaen.",
  "referStart.asks": "ethnigrwydd, crefydd, iechyd neu anabledd y plentyn, ac unrhyw risgiau",

  // Y cais i wirfoddoli.
  "apply.pageTitle": "{title} – Dod yn Ymwelydd Annibynnol",
  "apply.noun": "cais",
  "apply.checkTitle": "Gwirio eich atebion cyn anfon eich cais",
  "apply.sendHeading": "Nawr anfonwch eich cais",
  "apply.sendButton": "Anfon y cais",
  "apply.sendConfirm": "Byddwn yn anfon cadarnhad i ",
  "apply.sendConfirmEnd":
    ". Ar ôl yr ymweliad â'ch cartref byddwn yn e-bostio dolen i ffurflen eirda fer at eich canolwyr.",
  "apply.sentTitle": "Cais wedi'i anfon",
  "apply.yourReference": "Eich cyfeirnod",
  "apply.sentTo": "Rydym wedi anfon cadarnhad i ",
  "apply.sentToEnd": ". Cadwch y cyfeirnod: rhowch ef os byddwch yn cysylltu â'r cynllun.",
  "apply.next": "Beth sy'n digwydd nesaf",
  "apply.nextText":
    "Bydd cydlynydd yn cysylltu â chi i drefnu ymweliad â'ch cartref i siarad am y rôl. Ar ôl yr ymweliad byddwn yn e-bostio dolen i ffurflen eirda fer at eich canolwyr.",
  // Ffurflen geirda'r canolwr.
  "reference.title": "Rhoi geirda",
  "reference.heading": "Rhoi geirda ar gyfer {applicant}",
  "reference.goneTitle": "Mae'r ddolen geirda hon wedi dod i ben neu wedi'i defnyddio",
  "reference.gone1":
    "Mae pob dolen yn gweithio unwaith, am gyfnod cyfyngedig. Os ydych eisoes wedi anfon eich geirda, mae gan y cynllun ef ac nid oes angen gwneud dim arall.",
  "reference.gone2": "Os nad ydych wedi'i anfon eto, cysylltwch â'r cynllun a gofyn am ddolen newydd.",
  "reference.knownFor": "Ers faint ydych chi'n adnabod yr ymgeisydd, ac ym mha rôl?",
  "reference.suitability":
    "Pa mor addas yw'r ymgeisydd i fod yn gyfaill i blentyn neu berson ifanc sy'n derbyn gofal? Dywedwch wrthym pa mor ddibynadwy ac amyneddgar ydyw, a sut mae'n barnu pethau.",
  "reference.concerns":
    "Ydych chi'n gwybod am unrhyw reswm, gan gynnwys unrhyw bryder am ddiogelwch plant, pam na ddylai'r ymgeisydd weithio gyda phlant?",
  "reference.recommend": "Fyddech chi'n argymell yr ymgeisydd fel Ymwelydd Annibynnol?",
  "reference.knownForHint": "Er enghraifft, 4 blynedd, fel ei reolwr llinell",
  "reference.concernsHint": "Ysgrifennwch 'Dim' os nad ydych yn gwybod am unrhyw reswm",
  "reference.knownForMissing": "Dywedwch ers faint ydych chi'n adnabod yr ymgeisydd, ac ym mha rôl",
  "reference.suitabilityMissing":
    "Dywedwch wrthym pa mor addas yw'r ymgeisydd i fod yn gyfaill i blentyn sy'n derbyn gofal",
  "reference.concernsMissing":
    "Dywedwch wrthym am unrhyw reswm na ddylai'r ymgeisydd weithio gyda phlant, neu ysgrifennwch 'Dim'",
  "reference.recommendMissing": "Dywedwch a fyddech chi'n argymell yr ymgeisydd",
  "reference.knownForShort": "ers faint a sut rydych yn ei adnabod",
  "reference.suitabilityShort": "addasrwydd",
  "reference.concernsShort": "pryderon",
  "reference.recommendShort": "argymhelliad",
  "reference.yes": "Byddwn",
  "reference.withReservations": "Byddwn, gydag amheuon",
  "reference.no": "Na fyddwn",
  "reference.noun": "geirda",
  "reference.send": "Anfon y geirda",
  "reference.lead":
    "Mae {applicant} wedi gwneud cais i ddod yn Ymwelydd Annibynnol: gwirfoddolwr sy'n ymweld â phlentyn sy'n derbyn gofal fel ffrind y gellir ymddiried ynddo. Rhoddodd eich enw fel canolwr.",
  "reference.private": "Dim ond staff y cynllun sy'n darllen eich geirda. Mae'n cymryd tua 10 munud.",
  "reference.confirm":
    "Drwy anfon y geirda hwn rydych yn cadarnhau ei fod yn wir hyd eithaf eich gwybodaeth. Efallai y bydd y cynllun yn eich ffonio i'w gadarnhau.",
  "reference.sent": "Geirda wedi'i anfon",
  "reference.thanks": "Diolch, {referee}. Bydd y cynllun yn ystyried eich geirda gyda chais {applicant}.",
  "reference.next": "Efallai y bydd cydlynydd yn eich ffonio i'w gadarnhau. Does dim byd arall i chi ei wneud nawr.",
  // Y ffurflenni adborth: mae ffurflen y plentyn yn fyr ac yn syml, ac yn galw'r plentyn yn "ti".
  "feedback.title": "Adborth",
  "feedback.goneTitle": "Mae'r ddolen hon wedi dod i ben neu wedi'i defnyddio",
  "feedback.gone1":
    "Mae pob dolen yn gweithio unwaith, am ychydig wythnosau. Os ydych eisoes wedi ateb, diolch: does dim byd arall i'w wneud.",
  "feedback.gone2": "Os nad ydych, cysylltwch â'r cynllun a gofyn am ddolen newydd.",
  "feedback.thanks": "Diolch",
  "feedback.childSent": "Diolch am ddweud wrthym",
  "feedback.adultSent": "Adborth wedi'i anfon",
  "feedback.childNext": "Bydd dy gydlynydd yn darllen beth ddywedaist ti. Gelli di siarad â nhw unrhyw bryd.",
  "feedback.adultNext":
    "Bydd y cydlynydd yn darllen eich adborth gydag adolygiad y paru. Does dim byd arall i chi ei wneud.",
  "feedback.noun": "adborth",
  "feedback.send": "Anfon",
  "feedback.childLead":
    "Mae dy atebion yn ein helpu i wneud dy ymweliadau'n dda i ti. Does dim atebion cywir nac anghywir.",
  "feedback.adultLead":
    "Mae eich adborth yn helpu'r cydlynydd i adolygu'r paru hwn ag Ymwelydd Annibynnol. Mae'n cymryd tua 5 munud.",
  "feedback.child.heading": "Dweud wrthym am dy ymweliadau",
  "feedback.child.feels": "Sut wyt ti'n teimlo am dy ymweliadau?",
  "feedback.child.feelsShort": "sut rwyt ti'n teimlo",
  "feedback.child.feelsMissing": "Dewis sut rwyt ti'n teimlo am dy ymweliadau",
  "feedback.child.happy": "Hapus",
  "feedback.child.okay": "Iawn",
  "feedback.child.notSure": "Ddim yn siŵr",
  "feedback.child.unhappy": "Anhapus",
  "feedback.child.likes": "Beth wyt ti'n hoffi ei wneud gyda'ch gilydd?",
  "feedback.child.likesShort": "beth rwyt ti'n ei hoffi",
  "feedback.child.wouldChange": "Oes unrhyw beth yr hoffet ti ei newid?",
  "feedback.child.wouldChangeShort": "beth hoffet ti ei newid",
  "feedback.child.keepSeeing": "Wyt ti eisiau dal i weld dy ymwelydd?",
  "feedback.child.keepSeeingShort": "dal i weld dy ymwelydd",
  "feedback.child.keepSeeingMissing": "Dewis ydw, ddim yn siŵr neu nac ydw",
  "feedback.child.yes": "Ydw",
  "feedback.child.no": "Nac ydw",
  "feedback.adult.heading": "Adborth ar baru",
  "feedback.adult.howItIsGoing": "Sut mae'r paru'n mynd?",
  "feedback.adult.howItIsGoingShort": "sut mae'r paru'n mynd",
  "feedback.adult.howItIsGoingMissing": "Dewiswch sut mae'r paru'n mynd",
  "feedback.adult.veryWell": "Yn dda iawn",
  "feedback.adult.well": "Yn dda",
  "feedback.adult.notSure": "Ddim yn siŵr",
  "feedback.adult.notWell": "Ddim yn dda",
  "feedback.adult.goingWell": "Beth sy'n mynd yn dda?",
  "feedback.adult.goingWellShort": "beth sy'n mynd yn dda",
  "feedback.adult.couldBeBetter": "Beth allai fod yn well?",
  "feedback.adult.couldBeBetterShort": "beth allai fod yn well",
  "feedback.adult.concerns": "Oes gennych unrhyw bryderon am y paru?",
  "feedback.adult.concernsShort": "pryderon",
  "feedback.adult.concernsMissing": "Dewiswch oes neu nac oes",
  "feedback.adult.yes": "Oes",
  "feedback.adult.no": "Nac oes",
  "feedback.adult.concernDetails": "Dywedwch wrthym am eich pryder",
  "feedback.adult.concernDetailsShort": "eich pryder",
  "feedback.adult.concernDetailsMissing": "Dywedwch wrthym am eich pryder",
  // Tudalen cytundeb y gweithiwr cymdeithasol i baru.
  "agreement.title": "Cytundeb i baru",
  "agreement.heading": "Ydych chi'n cytuno i'r Ymwelydd Annibynnol hwn ar gyfer {child}?",
  "agreement.name": "Eich enw",
  "agreement.nameShort": "eich enw",
  "agreement.nameMissing": "Rhowch eich enw",
  "agreement.agrees": "Ydych chi'n cytuno i {volunteer} fod yn Ymwelydd Annibynnol i {child}?",
  "agreement.agreesShort": "a ydych yn cytuno",
  "agreement.yes": "Ydw, rwy'n cytuno",
  "agreement.no": "Nac ydw, nid wyf yn cytuno",
  "agreement.agreesMissing": "Dewiswch a ydych yn cytuno i'r paru hwn",
  "agreement.wishes": "Dymuniadau {child} am y paru hwn",
  "agreement.wishesHint": "Beth mae {child} wedi'i ddweud am gael {volunteer} yn Ymwelydd Annibynnol",
  "agreement.wishesShort": "dymuniadau'r plentyn",
  "agreement.wishesMissing": "Rhowch ddymuniadau {child} am y paru hwn",
  "agreement.reason": "Pam nad ydych yn cytuno?",
  "agreement.reasonHint": "Mae'r cydlynydd yn darllen hwn er mwyn chwilio am baru gwell",
  "agreement.reasonShort": "pam nad ydych yn cytuno",
  "agreement.reasonMissing": "Rhowch y rheswm pam nad ydych yn cytuno i'r paru hwn",
  "agreement.goneTitle": "Mae'r ddolen hon wedi'i defnyddio neu wedi dod i ben",
  "agreement.gone1":
    "Mae pob dolen yn gweithio unwaith, am 4 wythnos. Os ydych eisoes wedi ateb, diolch: does dim byd arall i'w wneud.",
  "agreement.gone2": "Os nad ydych, neu os ydych am newid eich ateb, cysylltwch â'r cynllun.",
  "agreement.unknownTitle": "Nid yw'r ddolen hon yn cael ei hadnabod",
  "agreement.unknown1":
    "Gwiriwch eich bod wedi copïo'r ddolen gyfan o'r e-bost. Os nad yw'n gweithio o hyd, cysylltwch â'r cynllun.",
  "agreement.agreedTitle": "Cytundeb wedi'i anfon",
  "agreement.answeredTitle": "Ateb wedi'i anfon",
  "agreement.agreedNext": "Bydd y cydlynydd yn cysylltu â chi am y camau nesaf. Does dim byd arall i chi ei wneud.",
  "agreement.notAgreedNext":
    "Bydd y cydlynydd yn darllen y rheswm ac yn chwilio am wirfoddolwr arall. Does dim byd arall i chi ei wneud.",
  "agreement.notRecorded": "Heb ei gofnodi",
  "agreement.about": "Am {volunteer}",
  "agreement.age": "Oed",
  "agreement.interests": "Diddordebau",
  "agreement.ownWords": "Yn ei eiriau ei hun",
  "agreement.languages": "Ieithoedd",
  "agreement.areas": "Ardaloedd y gall ymweld â nhw",
  "agreement.free": "Pryd mae ar gael",
  "agreement.approved": "Cymeradwywyd fel gwirfoddolwr",
  "agreement.weekdayAfterSchool": "Yn ystod yr wythnos ar ôl ysgol",
  "agreement.weekdayEvening": "Nosweithiau yn ystod yr wythnos",
  "agreement.saturday": "Dydd Sadwrn",
  "agreement.sunday": "Dydd Sul",
  "agreement.schoolHolidays": "Gwyliau ysgol",
  "agreement.noun": "ateb",
  "agreement.send": "Anfon eich ateb",
  "agreement.lead":
    "Mae'r cynllun Ymwelwyr Annibynnol yn cynnig {volunteer} yn Ymwelydd Annibynnol i {child}. Dim ond gyda'ch cytundeb chi y bydd y paru'n mynd yn ei flaen.",
  "agreement.until":
    "Mae'r ddolen hon yn gweithio unwaith, tan {date}. Dim ond pan fydd y paru'n mynd yn ei flaen y caiff manylion cyswllt eu rhannu.",
  // Datganiad hygyrchedd Tandem a'r dudalen cwcis.
  "statement.accessibility": "Datganiad hygyrchedd",
  "statement.cookies": "Cwcis",
  "statement.description": "{title} ar gyfer cynllun Ymwelwyr Annibynnol {council} ar Tandem.",
  "statement.appliesCouncil":
    "Mae'r datganiad hwn yn berthnasol i Tandem, y gwasanaeth y mae {council} yn ei ddefnyddio i redeg ei gynllun Ymwelwyr Annibynnol: y tudalennau cyhoeddus, y ffurflenni atgyfeirio a gwirfoddoli, a gweithle'r staff.",
  "statement.appliesAll":
    "Mae'r datganiad hwn yn berthnasol i Tandem, y gwasanaeth y mae cynghorau'n ei ddefnyddio i redeg eu cynlluniau Ymwelwyr Annibynnol: y tudalennau cyhoeddus, y ffurflenni atgyfeirio a gwirfoddoli, a gweithle'r staff.",
  "statement.want": "Rydym am i gynifer o bobl â phosibl allu ei ddefnyddio. Dylech allu:",
  "statement.able1": "newid lliwiau, lefelau cyferbyniad a ffontiau drwy osodiadau eich porwr neu eich dyfais",
  "statement.able2": "chwyddo hyd at 400% heb i'r testun fynd oddi ar y sgrin",
  "statement.able3": "defnyddio pob tudalen a ffurflen gyda bysellfwrdd yn unig",
  "statement.able4":
    "dod o hyd i'ch ffordd gyda darllenydd sgrin: mae penawdau ar bob tudalen, label ar bob maes a dolen at ei faes ar bob gwall",
  "statement.how": "Pa mor hygyrch yw'r gwasanaeth hwn",
  "statement.know": "Rydym yn gwybod nad yw rhai rhannau'n gwbl hygyrch:",
  "statement.not1":
    "mae'r ffurflen atgyfeirio a'r ffurflen hunan-atgyfeirio'n gweithio heb JavaScript, ond mae ei angen o hyd ar y cais i wirfoddoli",
  "statement.not2":
    "heb JavaScript, nid yw'r dolenni yn ein negeseuon e-bost, na hysbysiad preifatrwydd a thudalennau cyswllt cyngor, yn gweithio eto",
  "statement.feedback": "Adborth a gwybodaeth gyswllt",
  "statement.formats":
    "Os oes angen gwybodaeth arnoch gan y gwasanaeth mewn fformat gwahanol, fel print bras, hawdd ei ddarllen neu sain, neu os dewch o hyd i broblem nad yw wedi'i rhestru yma, cysylltwch â {who}.",
  "statement.whoAll": "y cyngor neu'r elusen y mae eu cynllun yn cael ei ddefnyddio gennych",
  "statement.enforcement": "Y drefn orfodi",
  "statement.ehrc":
    "Y Comisiwn Cydraddoldeb a Hawliau Dynol (EHRC) sy'n gyfrifol am orfodi Rheoliadau Hygyrchedd Cyrff y Sector Cyhoeddus (Gwefannau a Rhaglenni Symudol) (Rhif 2) 2018. Os nad ydych yn fodlon ar y ffordd rydym yn ymateb i'ch cwyn, ",
  "statement.eass": "cysylltwch â'r Gwasanaeth Cynghori a Chymorth Cydraddoldeb (EASS)",
  "statement.technical": "Gwybodaeth dechnegol am hygyrchedd y gwasanaeth hwn",
  "statement.committed":
    "Mae Tandem wedi ymrwymo i wneud ei wasanaeth yn hygyrch, yn unol â Rheoliadau Hygyrchedd Cyrff y Sector Cyhoeddus (Gwefannau a Rhaglenni Symudol) (Rhif 2) 2018.",
  "statement.compliance": "Statws cydymffurfio",
  "statement.partial":
    "Mae'r gwasanaeth hwn yn cydymffurfio'n rhannol â safon AA Canllawiau Hygyrchedd Cynnwys y We fersiwn 2.2, oherwydd yr achosion o beidio â chydymffurfio a restrir uchod.",
  "statement.tested": "Sut y gwnaethom brofi'r gwasanaeth hwn",
  "statement.testing":
    "Caiff pob tudalen a phob cyflwr o'i ffurflenni (gwallau'n cael eu dangos, atebion yn cael eu gwirio) ei phrofi'n awtomatig gydag axe-core mewn porwr, ar sgrin 320 picsel o led a gyda'r bysellfwrdd yn unig, bob tro y bydd y gwasanaeth yn newid. Nid yw wedi cael ei archwilio eto gan sefydliad allanol na'i brofi gyda defnyddwyr anabl.",
  "statement.reviewed": "Cafodd y datganiad hwn ei baratoi a'i adolygu ddiwethaf ar {date}.",
  "cookies.none":
    "Nid yw Tandem yn defnyddio cwcis. Nid yw'n cadw dim yn eich porwr y tu hwnt i'r tab rydych chi'n ei ddefnyddio, a dim ond yr hyn sydd ei angen ar y gwasanaeth.",
  "cookies.1": "does dim cwcis dadansoddi, hysbysebu nac olrhain, a dim sgriptiau trydydd parti",
  "cookies.2":
    "caiff yr atebion a roddwch ar ffurflen eu cadw yn storfa sesiwn tab y porwr wrth i chi fynd o dudalen i dudalen, fel nad yw ail-lwytho'n eu colli; mae anfon y ffurflen yn eu dileu, ac felly hefyd cau'r tab. Does dim yn cael ei gadw yn storfa leol y porwr",
  "cookies.3":
    "caiff atgyfeiriad sydd wedi'i gadw ei gadw gan gynllun y cyngor, nid yn eich porwr: rydym yn e-bostio dolen atoch i ddod yn ôl ato",
  "cookies.4":
    "pan fydd staff yn mewngofnodi, caiff y mewngofnodi ei hun ei gadw yng nghof y dudalen; fel nad yw ail-lwytho'n eu allgofnodi, mae storfa sesiwn tab y porwr yn cadw tocyn adnewyddu mewngofnodi, y cyngor a ddewiswyd a'r dudalen i ddychwelyd iddi. Mae cau'r tab neu allgofnodi yn eu dileu. Mae hyn yn gwbl angenrheidiol i'r gwasanaeth, felly nid oes angen caniatâd",
  "cookies.noSettings":
    "Gan nad oes cwcis ac nad oes dim yn cael ei gadw nad oes ei angen ar y gwasanaeth, does dim gosodiadau cwcis i'w dewis.",

  "refer.pageTitle": "{title} – Atgyfeirio plentyn",
  "refer.selfCaption": "Gofyn am Ymwelydd Annibynnol",
  "refer.noun": "atgyfeiriad",
  "refer.tooMany":
    "Mae gormod o atgyfeiriadau wedi dod o'r fan hon. Arhoswch ychydig funudau, yna rhowch gynnig arall arni",
  "refer.checkTitle": "Gwirio eich atebion cyn anfon yr atgyfeiriad",
  "refer.selfCheckTitle": "Gwirio beth rwyt ti wedi'i ddweud wrthym",
  "refer.sendHeading": "Nawr anfonwch eich atgyfeiriad",
  "refer.selfSendHeading": "Anfon atom",
  "refer.sendButton": "Anfon yr atgyfeiriad",
  "refer.selfSendButton": "Anfon",
  "refer.sendConfirm":
    "Drwy anfon yr atgyfeiriad hwn rydych yn cadarnhau bod yr wybodaeth yn gywir hyd y gwyddoch. Byddwn yn anfon cod i ",
  "refer.sendConfirmEnd":
    " i wirio mai eich cyfeiriad e-bost gwaith chi ydyw: bydd yr atgyfeiriad yn cyrraedd y cydlynydd pan fyddwch yn ei ddefnyddio.",
  "refer.sendConfirmNoEmail":
    "Drwy anfon yr atgyfeiriad hwn rydych yn cadarnhau bod yr wybodaeth yn gywir hyd y gwyddoch. Byddwn yn anfon cod i'ch cyfeiriad e-bost gwaith i wirio mai eich cyfeiriad chi ydyw: bydd yr atgyfeiriad yn cyrraedd y cydlynydd pan fyddwch yn ei ddefnyddio.",
  "refer.selfSendCode": "Byddwn yn anfon cod i ",
  "refer.selfSendCodeEnd": " i wirio mai dy gyfeiriad di ydyw.",
  "refer.selfNoEmail":
    "Nid wyt ti wedi rhoi cyfeiriad e-bost, felly byddwn yn cysylltu â dy weithiwr cymdeithasol i siarad am y peth.",
  "sent.titleReferral": "Rydych chi eisoes wedi anfon yr atgyfeiriad hwn",
  "sent.titleRequest": "Rwyt ti eisoes wedi anfon y cais hwn",
  "sent.reference":
    "Eich cyfeirnod yw {reference}. Nid yw'r atebion yn cael eu dangos yma mwyach, er mwyn eu cadw'n breifat.",
  "sent.waitingForCode": "Bydd yn cyrraedd y cydlynydd ar ôl i chi gadarnhau eich cyfeiriad e-bost.",
  "sent.enterCode": "Rhowch y cod o'r e-bost",
  "sent.next": "Gweld beth sy'n digwydd nesaf",
  "sent.newReferral": "Dechrau atgyfeiriad newydd",
  "sent.newRequest": "Dechrau cais newydd",
  "self.title": "Gofyn am Ymwelydd Annibynnol i ti dy hun",
  "self.intro1":
    "Oedolyn sy'n dewis treulio amser gyda ti, am ei fod eisiau gwneud hynny, yw Ymwelydd Annibynnol. Nid yw'n cael ei dalu ac nid yw'n weithiwr cymdeithasol.",
  "self.intro2":
    "Efallai y byddwch yn mynd i'r parc, yn chwarae chwaraeon, yn gweld ffilm neu'n siarad. Rydych yn dewis gyda'ch gilydd.",
  "self.asks": "Beth fyddwn ni'n ei ofyn",
  "self.ask1": "dy enw a dy ben-blwydd",
  "self.ask2": "beth hoffet ti ei wneud gydag ymwelydd",
  "self.ask3": "sut gallwn ni gysylltu â thi",
  "self.time": "Mae'n cymryd tua 5 munud. Does dim rhaid i ti ofyn i neb yn gyntaf.",
  "self.closedTitle": "Gofyn i dy weithiwr cymdeithasol dy atgyfeirio",
  "self.closed1":
    "Mae cynllun {council} yn derbyn ceisiadau am Ymwelydd Annibynnol gan weithwyr cymdeithasol a gweithwyr proffesiynol eraill.",
  "self.closed2":
    "Os hoffet ti gael un, dywed wrth dy weithiwr cymdeithasol neu dy Swyddog Adolygu Annibynnol. Gelli di hefyd gysylltu â'r cynllun dy hun.",

  "verify.title": "Gwiriwch eich e-bost",
  "verify.referenceLabel": "Cyfeirnod yr atgyfeiriad",
  "verify.referenceHint": "Mae yn yr e-bost, ac mae'n edrych fel RIV-7K3M9QXD",
  "verify.codeLabel": "Cod o'r e-bost",
  "verify.codeHint": "8 llythyren a rhif, fel 7K2M-Q9XD",
  "verify.confirm": "Cadarnhau",
  "verify.enterReference": "Rhowch gyfeirnod yr atgyfeiriad o'r e-bost",
  "verify.referenceShape": "Rhowch y cyfeirnod fel y mae yn yr e-bost, fel RIV-7K3M9QXD",
  "verify.enterCode": "Rhowch y cod o'r e-bost",
  "verify.codeShape": "Mae gan y cod 8 llythyren a rhif: gwiriwch yr e-bost",
  "verify.codeWrong": "Nid yw'r cod yn gywir: gwiriwch ef yn erbyn yr e-bost, neu defnyddiwch y ddolen sydd ynddo",
  "verify.sentTo": "Rydym wedi anfon e-bost i ",
  "verify.sentToEnd": " gyda dolen a chod.",
  "verify.sent": "Rydym wedi anfon e-bost gyda dolen a chod.",
  "verify.selfWhy":
    "Byddwn yn gweld dy gais unwaith y byddi di'n dangos mai dy gyfeiriad e-bost di ydyw: agor y ddolen yn yr e-bost, neu teipio'r cod yma.",
  "verify.why":
    "Bydd yr atgyfeiriad yn cyrraedd y cydlynydd unwaith y byddwch yn cadarnhau eich cyfeiriad e-bost: agorwch y ddolen yn yr e-bost, neu teipiwch y cod yma.",
  "verify.yourReference": "Eich cyfeirnod yw ",
  "verify.selfKeep": ". Cadwa fe nes i ti glywed gennym ni.",
  "verify.keep": ". Cadwch ef nes i chi glywed gan y cynllun.",
  "verify.notArrived":
    "Os nad yw'r e-bost wedi cyrraedd ar ôl ychydig funudau, edrychwch yn eich ffolder sothach, neu cysylltwch â'r cynllun.",
  "verify.confirming": "Yn cadarnhau eich cyfeiriad e-bost",
  "verify.goneTitle": "Mae'r ddolen hon wedi dod i ben neu wedi cael ei defnyddio",
  "verify.gone1":
    "Mae pob dolen yn gweithio unwaith, am gyfnod cyfyngedig. Os ydych eisoes wedi cadarnhau eich cyfeiriad e-bost, mae'r atgyfeiriad wedi cyrraedd y cydlynydd ac nid oes angen gwneud dim byd arall.",
  "verify.gone2":
    "Os nad ydych, teipiwch y cod o'r un e-bost ar y dudalen a welsoch ar ôl anfon, neu cysylltwch â'r cynllun.",
  "done.title": "Atgyfeiriad wedi'i anfon",
  "done.selfTitle": "Mae dy gais gennym",
  "done.reference": "Eich cyfeirnod",
  "done.thanks":
    "Diolch: mae eich cyfeiriad e-bost wedi'i gadarnhau ac mae'r atgyfeiriad gyda chynllun Ymwelwyr Annibynnol {council}.",
  "done.selfThanks":
    "Diolch: mae dy gyfeiriad e-bost wedi'i wirio ac mae dy gais gyda thîm Ymwelwyr Annibynnol {council}.",
  "done.next": "Beth sy'n digwydd nesaf",
  "done.hearBy": "Byddwch yn clywed gan y cydlynydd erbyn ",
  "done.selfHearBy": "Byddwn yn cysylltu â thi erbyn ",
  "done.selfNoEmail":
    "Diolch. Bydd cydlynydd o gynllun Ymwelwyr Annibynnol {council} yn cysylltu â dy weithiwr cymdeithasol i siarad am y peth.",
  "done.quote":
    "Rhowch y cyfeirnod os byddwch yn cysylltu â'r cynllun. Efallai y bydd y cydlynydd yn gofyn i chi am ragor o wybodaeth drwy ddolen ddiogel a anfonir i'ch e-bost.",
  "done.selfKeep":
    "Cadwa dy gyfeirnod. Os wyt ti eisiau gofyn rhywbeth, cysyllta â'r cynllun a dweud wrthyn nhw beth yw dy gyfeirnod.",
  "save.privacy":
    "Er mwyn preifatrwydd y plentyn, nid oes dim o'ch atebion yn yr e-bost, dim ond y ddolen. Bydd y ddolen yn peidio â gweithio ar ôl ychydig, a phan fydd yr atgyfeiriad wedi'i anfon.",
  "save.carryOn": "Parhau â'r ffurflen nawr",
  "save.saving": "Yn cadw eich atebion",
  "save.failedLater": "Nid oedd modd cadw eich atebion. Rhowch gynnig arall arni nes ymlaen.",
  "save.failed": "Nid oedd modd cadw eich atebion. Rhowch gynnig arall arni",
  "save.savedTitle": "Mae eich atebion wedi'u cadw",
  "save.savedLead": "Defnyddiwch y ddolen yn yr e-bost a anfonwyd atoch o'r blaen i ddod yn ôl atynt.",
  "save.title": "Cadw eich atebion a dod yn ôl nes ymlaen",
  "save.email": "Eich cyfeiriad e-bost",
  "save.workEmail": "Eich cyfeiriad e-bost gwaith",
  "save.emailHint": "Byddwn yn anfon dolen i chi barhau o'r man lle gwnaethoch stopio",
  "save.send": "Anfon y ddolen ataf",
  "save.enterEmail": "Rhowch eich cyfeiriad e-bost",
  "save.emailShape": "Rhowch gyfeiriad e-bost fel enw@example.org",
  "save.sentTo": "Rydym wedi anfon dolen i ",
  "save.sentToEnd": ". Defnyddiwch hi i ddod yn ôl at eich atebion.",
  "save.opening": "Yn agor eich atebion sydd wedi'u cadw",
  "save.gone1":
    "Mae atebion sydd wedi'u cadw yn cael eu cadw am gyfnod cyfyngedig, ac mae'r ddolen yn peidio â gweithio pan fydd yr atgyfeiriad wedi'i anfon.",
  "save.gone2": "Dechreuwch y ffurflen eto, neu cysylltwch â'r cynllun os oes angen help arnoch.",
  "info.title": "Ateb cwestiwn y cydlynydd",
  "info.gone1":
    "Mae pob dolen yn gweithio nes i chi ateb, am gyfnod cyfyngedig. Os ydych eisoes wedi ateb, mae'r ateb gan y cydlynydd.",
  "info.gone2":
    "Os oes angen i chi ddweud rhywbeth wrth y cydlynydd o hyd, cysylltwch â'r cynllun a rhowch gyfeirnod eich atgyfeiriad.",
  "info.label": "Eich ateb",
  "info.short": "eich ateb",
  "info.hint": "Dim ond cydlynwyr y cynllun sy'n gallu ei ddarllen",
  "info.missing": "Rhowch eich ateb",
  "info.caption": "Atgyfeiriad {reference}",
  "info.noun": "ateb",
  "info.send": "Anfon yr ateb",
  "info.asked": "Gofynnodd y cydlynydd am {when}:",
  "info.tooLong": "Dylai eich ateb fod yn {max} nod neu lai",
  "info.sent": "Ateb wedi'i anfon",
  "info.referral": "Atgyfeiriad",
  "info.next": "Bydd y cydlynydd yn bwrw ymlaen â'r atgyfeiriad. Nid oes angen i chi wneud dim byd arall nawr.",
};

/** Yes and no for the questions that start "Ydy…?"; a question asked another way says its own. */
const OES = { yes: "Oes", no: "Nac oes" };

/** The referral form's questions, a professional's and a young person's, by topic slug and question key. */
export const referralWords: FormWords = {
  topics: {
    child: { title: "Am y plentyn", sensitive: "ethnigrwydd a chrefydd y plentyn ac unrhyw anabledd" },
    care: { title: "Statws gofal" },
    placement: { title: "Lleoliad" },
    family: { title: "Cyswllt â'r teulu" },
    reasons: { title: "Pam Ymwelydd Annibynnol" },
    interests: { title: "Diddordebau a hobïau" },
    wishes: { title: "Dymuniadau'r plentyn" },
    risks: { title: "Risgiau a diogelu", sensitive: "risgiau i'r plentyn ac i eraill" },
    referrer: {
      title: "Amdanoch chi",
      intro: "Rydym yn anfon y gydnabyddiaeth ac unrhyw gwestiynau i'ch cyfeiriad e-bost gwaith.",
    },
    manager: {
      title: "Cytundeb eich rheolwr i ariannu",
      intro:
        "Mae'r plentyn wedi'i leoli y tu allan i ardal y cyngor. Mae'r cynllun hwn yn ymweld â'r plant hynny drwy wasanaeth a gomisiynwyd, y mae eich rheolwr yn cytuno i dalu amdano.",
    },
    "about-you": { title: "Amdanat ti" },
    ideas: { title: "Beth hoffet ti ei wneud" },
    contact: { title: "Sut gallwn ni gysylltu â thi" },
  },
  questions: {
    "child.firstName": { label: "Enw cyntaf", short: "enw cyntaf", missing: "Rhowch enw cyntaf y plentyn" },
    "child.lastName": { label: "Cyfenw", short: "cyfenw", missing: "Rhowch gyfenw'r plentyn" },
    "child.preferredName": { label: "Yr enw y mae'n hoffi cael ei alw (dewisol)", short: "enw sy'n well ganddo" },
    "child.councilCaseReference": {
      label: "Cyfeirnod achos y cyngor (dewisol)",
      short: "cyfeirnod achos y cyngor",
      hint: "Cyfeirnod y plentyn yn system achosion y cyngor, fel y gall y cynllun weld pa blant sy'n derbyn gofal sydd wedi cael eu hatgyfeirio",
    },
    "child.dateOfBirth": {
      label: "Dyddiad geni",
      short: "dyddiad geni",
      what: "dyddiad geni'r plentyn",
      hint: "Er enghraifft, 27 3 2014",
    },
    "child.gender": {
      label: "Rhywedd",
      short: "rhywedd",
      hint: "Fel y mae'r plentyn yn ei ddisgrifio",
      missing: "Rhowch rywedd y plentyn",
    },
    "child.ethnicity": { label: "Ethnigrwydd", short: "ethnigrwydd", missing: "Rhowch ethnigrwydd y plentyn" },
    "child.firstLanguage": { label: "Iaith gyntaf", short: "iaith gyntaf", missing: "Rhowch iaith gyntaf y plentyn" },
    "child.religion": { label: "Crefydd (dewisol)", short: "crefydd" },
    "child.disabilityOrNeeds": {
      label: "Anabledd neu anghenion ychwanegol (dewisol)",
      short: "anabledd neu anghenion",
      hint: "Unrhyw beth y dylai gwirfoddolwr ei wybod er mwyn i'r ymweliadau weithio i'r plentyn",
    },
    "careStatus.legalStatus": {
      label: "Statws cyfreithiol",
      short: "statws cyfreithiol",
      missing: "Dewiswch statws cyfreithiol y plentyn",
      options: {
        section_20_accommodated: "Yn cael llety o dan adran 20 (adran 76 yng Nghymru)",
        interim_care_order: "Gorchymyn gofal interim",
        care_order: "Gorchymyn gofal",
        placement_order: "Gorchymyn lleoli",
        remanded: "Ar remand",
        care_leaver: "Ymadawr gofal",
        other: "Arall",
      },
    },
    "careStatus.dateCameIntoCare": {
      label: "Dyddiad y daeth y plentyn i ofal",
      short: "dyddiad dod i ofal",
      what: "dyddiad dod i ofal y plentyn",
      hint: "Er enghraifft, 15 1 2023",
    },
    "careStatus.proceedingsConcluded": {
      label: "Ydy'r achos gofal wedi dod i ben?",
      short: "a yw'r achos gofal wedi dod i ben",
      missing: "Dewiswch a yw'r achos gofal wedi dod i ben",
      options: { unknown: "Ddim yn gwybod" },
    },
    "careStatus.longTermPlan": {
      label: "Beth yw cynllun hirdymor y plentyn?",
      short: "cynllun hirdymor",
      missing: "Dewiswch gynllun hirdymor y plentyn",
      options: {
        long_term_fostering: "Maethu hirdymor",
        residential: "Gofal preswyl",
        other: "Cynllun arall",
        none_yet: "Dim cynllun hirdymor eto",
      },
    },
    "careStatus.unaccompaniedAsylumSeeking": {
      label: "Ydy'r plentyn yn blentyn ar ei ben ei hun sy'n ceisio lloches?",
      short: "a yw'n blentyn ar ei ben ei hun sy'n ceisio lloches",
      missing: "Dewiswch 'Ydy' os yw'r plentyn yn blentyn ar ei ben ei hun sy'n ceisio lloches",
    },
    "careStatus.placementType": {
      label: "Math o leoliad",
      short: "math o leoliad",
      missing: "Dewiswch y math o leoliad",
      options: {
        foster_care: "Gofal maeth",
        family_and_friends_care: "Gofal gan deulu a ffrindiau (perthnasau)",
        residential_home: "Cartref preswyl i blant",
        supported_accommodation: "Llety â chymorth",
        secure: "Uned ddiogel",
        placed_with_parents: "Wedi'i leoli gyda'i rieni",
        other: "Arall",
      },
    },
    "careStatus.placedInArea": {
      label: (c) => `Ydy'r plentyn wedi'i leoli yn ardal ${c.councilName}?`,
      short: "a yw wedi'i leoli yn ardal y cyngor",
      missing: "Dewiswch 'Ydy' os yw'r plentyn wedi'i leoli yn ardal y cyngor",
    },
    "careStatus.distanceFromHomeMiles": {
      label: "Pa mor bell yw'r lleoliad o gartref y plentyn, mewn milltiroedd? (dewisol)",
      short: "pellter o'r cartref",
      hint: "Mae ffigur bras yn iawn",
      unit: "milltir",
    },
    "careStatus.placementMoveExpected": {
      label: "Ydy'r plentyn yn debygol o symud lleoliad?",
      short: "a yw'n debygol o symud lleoliad",
      missing: "Dewiswch 'Ydy' os yw'r plentyn yn debygol o symud lleoliad",
    },
    "careStatus.placementMoveExpectedBy": {
      label: "Os oes disgwyl iddo symud, erbyn pryd? (dewisol)",
      short: "dyddiad symud disgwyliedig",
      what: "dyddiad disgwyliedig y symud",
      hint: "Gadewch hwn yn wag os nad oes disgwyl iddo symud neu os nad ydych yn gwybod y dyddiad",
    },
    "family.contactLevel": {
      label: "Faint o gyswllt sydd gan y plentyn â'i deulu biolegol?",
      short: "cyswllt â'r teulu",
      missing: "Dewiswch faint o gyswllt sydd gan y plentyn â'i deulu",
      options: {
        none: "Dim",
        little: { label: "Ychydig", hint: "Er enghraifft, unwaith neu ddwywaith y flwyddyn" },
        regular: "Cyswllt rheolaidd",
      },
    },
    "family.lastVisitedByFamily": {
      label: "Pryd wnaeth y teulu ymweld â'r plentyn ddiwethaf? (dewisol)",
      short: "ymweliad diwethaf y teulu",
      what: "dyddiad ymweliad diwethaf y teulu",
      hint: "Gadewch hwn yn wag os nad ydych yn gwybod",
    },
    "reasons.whyInChildsInterest": {
      label: "Pam y byddai Ymwelydd Annibynnol er lles y plentyn?",
      short: "pam Ymwelydd Annibynnol",
      hint: "Er enghraifft, pwy sydd ym mywyd y plentyn a beth fyddai ffrind sy'n oedolyn y gall ymddiried ynddo yn ei ychwanegu",
      missing: "Dywedwch wrthym pam y byddai Ymwelydd Annibynnol er lles y plentyn",
    },
    "reasons.insteadOfRespite": {
      label: "Ydy'r atgyfeiriad hwn yn lle gofal seibiant?",
      short: "a yw yn lle gofal seibiant",
      hint: "Ffrind i'r plentyn yw Ymwelydd Annibynnol, nid dewis arall yn lle gofal seibiant i'w ofalwyr. Mae angen i atgyfeiriadau ddangos y byddai'r plentyn yn elwa o gael un yn ei fywyd",
      missing: "Dewiswch 'Ydy' os yw'r atgyfeiriad hwn yn lle gofal seibiant",
    },
    "interests.hobbiesAndInterests": {
      label: "Beth mae'r plentyn yn mwynhau ei wneud?",
      short: "diddordebau a hobïau",
      hint: "Mae hyn yn helpu'r cynllun i ddod o hyd i wirfoddolwr sy'n rhannu rhai ohonynt",
      missing: "Dywedwch wrthym beth mae'r plentyn yn mwynhau ei wneud",
    },
    "wishes.childAsked": {
      label: "Ydy'r plentyn wedi cael ei holi a yw eisiau Ymwelydd Annibynnol?",
      short: "a gafodd y plentyn ei holi",
      missing: "Dewiswch 'Ydy' os yw'r plentyn wedi cael ei holi",
    },
    "wishes.childAgrees": {
      label: "Ydy'r plentyn eisiau Ymwelydd Annibynnol?",
      short: "a yw'r plentyn eisiau un",
      missing: "Dewiswch a yw'r plentyn eisiau Ymwelydd Annibynnol",
      options: { not_yet_asked: "Heb ei holi eto", too_young_to_say: "Rhy ifanc i ddweud" },
    },
    "wishes.anyoneTheyWouldNotWant": {
      label: "Oes unrhyw un na fyddai'r plentyn eisiau fel ymwelydd? (dewisol)",
      short: "unrhyw un na fyddai eisiau",
      hint: "Er enghraifft, dyn neu fenyw, neu rywun o'i ardal gartref",
    },
    "wishes.childSigned": {
      label: "Ydy'r plentyn wedi llofnodi'r atgyfeiriad?",
      short: "a lofnododd y plentyn",
      missing: "Dewiswch 'Ydy' os yw'r plentyn wedi llofnodi'r atgyfeiriad",
    },
    "risks.description": {
      label: "Risgiau y dylai gwirfoddolwr wybod amdanynt",
      short: "risgiau",
      hint: "Ysgrifennwch 'Dim yn hysbys' os nad oes rhai",
      missing: "Disgrifiwch unrhyw risgiau, neu ysgrifennwch 'Dim yn hysbys'",
    },
    "risks.seriousSafeguardingConcerns": {
      label: "Oes pryderon diogelu difrifol?",
      short: "a oes pryderon diogelu difrifol",
      missing: "Dewiswch 'Oes' os oes pryderon diogelu difrifol",
      options: OES,
    },
    "referrer.name": { label: "Eich enw llawn", short: "eich enw", missing: "Rhowch eich enw llawn" },
    "referrer.role": {
      label: "Eich rôl",
      short: "eich rôl",
      missing: "Dewiswch eich rôl",
      options: {
        social_worker: "Gweithiwr cymdeithasol y plentyn",
        independent_reviewing_officer: "Swyddog Adolygu Annibynnol (IRO)",
        childrens_rights_officer: "Swyddog hawliau plant",
        other_professional: {
          label: "Gweithiwr proffesiynol arall",
          hint: "Dim ond ymadawyr gofal y gall gweithwyr proffesiynol eraill eu hatgyfeirio",
        },
      },
    },
    "referrer.team": { label: "Eich tîm", short: "eich tîm", missing: "Rhowch eich tîm" },
    "referrer.workEmail": {
      label: "Eich cyfeiriad e-bost gwaith",
      short: "eich cyfeiriad e-bost gwaith",
      hint: "Byddwn yn anfon cod i'r cyfeiriad hwn i wirio mai eich un chi ydyw",
      missing: "Rhowch eich cyfeiriad e-bost gwaith",
    },
    "referrer.phone": {
      label: "Eich rhif ffôn gwaith",
      short: "eich rhif ffôn",
      missing: "Rhowch eich rhif ffôn gwaith",
    },
    "manager.name": {
      label: "Enw llawn eich rheolwr",
      short: "enw'r rheolwr",
      missing: "Rhowch enw llawn eich rheolwr",
    },
    "manager.email": {
      label: "Cyfeiriad e-bost gwaith eich rheolwr",
      short: "cyfeiriad e-bost y rheolwr",
      missing: "Rhowch gyfeiriad e-bost gwaith eich rheolwr",
    },
    "manager.agreesToFund": {
      label: "Ydy eich rheolwr wedi cytuno i ariannu'r ymweliadau?",
      short: "a yw eich rheolwr wedi cytuno i ariannu",
      missing: "Dewiswch 'Ydy' os yw eich rheolwr wedi cytuno i ariannu'r ymweliadau",
    },
    name: { label: "Beth yw dy enw?", short: "dy enw", missing: "Ysgrifenna dy enw" },
    dateOfBirth: {
      label: "Pryd mae dy ben-blwydd?",
      short: "dy ddyddiad geni",
      what: "dy ben-blwydd",
      hint: "Y diwrnod, y mis a'r flwyddyn y cefaist ti dy eni. Er enghraifft, 27 3 2013",
    },
    whatIdLikeToDo: {
      label: "Beth hoffet ti ei wneud gydag ymwelydd?",
      short: "beth hoffet ti ei wneud",
      hint: "Er enghraifft, mynd i'r parc, chwarae pêl-droed, ymweld ag amgueddfa, neu siarad",
      missing: "Dywed wrthym beth hoffet ti ei wneud",
    },
    anythingElse: {
      label: "Oes unrhyw beth arall rwyt ti eisiau i ni ei wybod? (gelli di adael hwn yn wag)",
      short: "unrhyw beth arall",
    },
    howToContactMe: {
      label: "Sut gallwn ni gysylltu â thi?",
      short: "sut i gysylltu â thi",
      hint: "Er enghraifft, rhif ffôn, neu drwy dy ofalwr",
      missing: "Dywed wrthym sut gallwn ni gysylltu â thi",
    },
    email: {
      label: "Dy gyfeiriad e-bost (os oes gen ti un)",
      short: "dy gyfeiriad e-bost",
      hint: "Byddwn yn anfon cod atat i'w wirio. Os nad oes gen ti un, gad hwn yn wag",
    },
    socialWorkerName: {
      label: "Enw dy weithiwr cymdeithasol (os wyt ti'n ei wybod)",
      short: "dy weithiwr cymdeithasol",
    },
  },
};

/** The volunteer application's questions in Welsh, for the council's rules (the applicant is "chi"). */
export function volunteerWords(rules: { minimumAge: number; professionalReferenceRequired: boolean }): FormWords {
  return {
    topics: {
      "your-details": { title: "Eich manylion" },
      contact: { title: "Sut gallwn ni gysylltu â chi?" },
      address: { title: "Beth yw eich cyfeiriad?" },
      work: { title: "Eich gwaith" },
      experience: { title: "Eich profiad, eich diddordebau a'ch sgiliau" },
      availability: { title: "Ieithoedd, pryd rydych ar gael a theithio" },
      "health-and-record": {
        title: "Iechyd a chofnod troseddol",
        sensitive: "eich iechyd ac unrhyw gofnod troseddol",
        intro:
          "Nid yw dweud wrthym am gyflwr iechyd neu euogfarn yn golygu ar ei ben ei hun na allwch ddod yn Ymwelydd Annibynnol. Byddwn yn siarad â chi amdano.",
      },
      referee: {
        title: "Eich canolwr",
        repeat: {
          noun: "canolwr",
          title: (n) => (n === 1 ? "Eich canolwr cyntaf" : "Eich ail ganolwr"),
          intro: (n) =>
            n === 1
              ? `Rhowch ddau berson sydd wedi eich adnabod ers o leiaf 2 flynedd ac nad ydynt yn perthyn i chi.${rules.professionalReferenceRequired ? " Rhaid i o leiaf un eich adnabod yn broffesiynol, fel cyflogwr, cydweithiwr, athro neu ddarlithydd." : ""} Rydym yn e-bostio dolen i ffurflen eirda fer at bob un ohonynt.`
              : `Rhywun gwahanol i'ch canolwr cyntaf.${rules.professionalReferenceRequired ? " Os nad yw eich canolwr cyntaf yn eich adnabod yn broffesiynol, rhaid i hwn eich adnabod felly." : ""}`,
        },
      },
      declarations: {
        title: "Datganiadau",
        intro:
          "Mae Ymwelwyr Annibynnol yn treulio amser ar eu pen eu hunain gyda phlant, felly mae'r cynllun yn gwneud y gwiriadau y mae'r gyfraith yn eu gofyn gan unrhyw un sy'n gwneud hynny. Caiff eich atebion eu cadw'n ddiogel a dim ond staff y cynllun fydd yn eu gweld.",
      },
    },
    questions: {
      "contact.firstName": { label: "Enw cyntaf", short: "enw cyntaf", missing: "Rhowch eich enw cyntaf" },
      "contact.lastName": { label: "Cyfenw", short: "cyfenw", missing: "Rhowch eich cyfenw" },
      "contact.dateOfBirth": {
        label: "Dyddiad geni",
        hint: `Rhaid i Ymwelwyr Annibynnol fod yn ${rules.minimumAge} oed neu'n hŷn. Er enghraifft, 27 3 1985`,
        short: "dyddiad geni",
        what: "eich dyddiad geni",
      },
      "contact.email": {
        label: "Cyfeiriad e-bost",
        hint: "Rydym yn anfon cadarnhad o'ch cais i'r cyfeiriad hwn",
        short: "cyfeiriad e-bost",
        missing: "Rhowch eich cyfeiriad e-bost",
      },
      "contact.phone": { label: "Rhif ffôn", short: "rhif ffôn", missing: "Rhowch eich rhif ffôn" },
      "address.line1": {
        label: "Llinell 1 y cyfeiriad",
        short: "llinell 1 y cyfeiriad",
        missing: "Rhowch linell gyntaf eich cyfeiriad",
      },
      "address.line2": { label: "Llinell 2 y cyfeiriad (dewisol)", short: "llinell 2 y cyfeiriad" },
      "address.town": { label: "Tref neu ddinas", short: "tref neu ddinas", missing: "Rhowch eich tref neu ddinas" },
      "address.postcode": { label: "Cod post", short: "cod post", missing: "Rhowch eich cod post" },
      "background.occupation": {
        label: "Beth yw eich gwaith? (dewisol)",
        hint: "Neu dywedwch os ydych yn astudio neu wedi ymddeol",
        short: "gwaith",
      },
      "background.worksInCouncilChildrensServices": {
        label: "Ydych chi'n gweithio yng ngwasanaethau plant y cyngor?",
        hint: "Mae Ymwelwyr Annibynnol yn annibynnol ar ofal cymdeithasol plant. Gallwch wneud cais o hyd: byddwn yn siarad â chi amdano",
        short: "a ydych yn gweithio ym maes gwasanaethau plant",
        missing: "Dywedwch a ydych yn gweithio yng ngwasanaethau plant y cyngor",
        options: { yes: "Ydw", no: "Nac ydw" },
      },
      "background.experienceWithChildren": {
        label: "Pa brofiad sydd gennych gyda phlant neu bobl ifanc?",
        hint: "Er enghraifft, fel rhiant, perthynas, hyfforddwr, mentor neu yn y gwaith. Mae unrhyw brofiad yn cyfrif",
        short: "profiad gyda phlant",
        missing: "Dywedwch wrthym am eich profiad gyda phlant neu bobl ifanc",
      },
      "background.interestsAndSkills": {
        label: "Beth yw eich diddordebau a'ch sgiliau?",
        hint: "Er enghraifft, pêl-droed, arlunio, coginio, cerddoriaeth neu amgueddfeydd",
        short: "diddordebau a sgiliau",
        missing: "Dywedwch wrthym am eich diddordebau a'ch sgiliau",
      },
      "background.languages": {
        label: "Pa ieithoedd ydych chi'n eu siarad?",
        hint: "Rhowch bob iaith ar ei llinell ei hun, gan ddechrau gyda'r un rydych yn ei siarad orau",
        short: "ieithoedd",
        missing: "Dywedwch wrthym am o leiaf un iaith rydych yn ei siarad",
      },
      "background.availability": {
        label: "Pryd ydych chi ar gael i ymweld fel arfer?",
        hint: "Mae ymweliadau'n para ychydig oriau, yn aml ar benwythnosau neu ar ôl ysgol",
        short: "pryd rydych ar gael",
        missing: "Dywedwch wrthym pryd rydych ar gael fel arfer",
      },
      "background.drives": {
        label: "Ydych chi'n gyrru?",
        hint: "Does dim rhaid i chi yrru i fod yn Ymwelydd Annibynnol",
        short: "a ydych yn gyrru",
        missing: "Dywedwch a ydych yn gyrru",
        options: { yes: "Ydw", no: "Nac ydw" },
      },
      "disclosures.healthCondition": {
        label: "Oes gennych gyflwr iechyd a allai effeithio ar y rôl?",
        short: "cyflwr iechyd",
        missing: "Dywedwch a oes gennych gyflwr iechyd a allai effeithio ar y rôl",
        options: { yes: "Oes", no: "Nac oes" },
      },
      "disclosures.healthDetails": {
        label: "Dywedwch wrthym amdano (dewisol)",
        hint: "Dim ond os ateboch oes. Gallwch ddweud wrthym wyneb yn wyneb yn lle hynny",
        short: "manylion iechyd",
      },
      "disclosures.criminalRecord": {
        label: "Oes gennych unrhyw euogfarnau, rhybuddion, ceryddon neu rybuddion terfynol nad ydynt wedi'u diogelu?",
        short: "cofnod troseddol",
        missing: "Dywedwch a oes gennych unrhyw beth i'w ddatgan",
        options: { yes: "Oes", no: "Nac oes" },
      },
      "disclosures.criminalRecordDetails": {
        label: "Dywedwch wrthym amdano (dewisol)",
        hint: "Dim ond os ateboch oes. Gallwch ddweud wrthym wyneb yn wyneb yn lle hynny",
        short: "manylion cofnod troseddol",
      },
      "referees.*.name": {
        label: "Enw llawn",
        short: "enw canolwr {n}",
        missing: "Rhowch enw llawn canolwr {n}",
      },
      "referees.*.email": {
        label: "Cyfeiriad e-bost",
        short: "cyfeiriad e-bost canolwr {n}",
        missing: "Rhowch gyfeiriad e-bost canolwr {n}",
      },
      "referees.*.phone": {
        label: "Rhif ffôn",
        short: "rhif ffôn canolwr {n}",
        missing: "Rhowch rif ffôn canolwr {n}",
      },
      "referees.*.relationship": {
        label: "Sut maen nhw'n eich adnabod?",
        hint: "Er enghraifft, fy rheolwr yn y gwaith ers 3 blynedd",
        short: "sut mae canolwr {n} yn eich adnabod",
        missing: "Dywedwch sut mae canolwr {n} yn eich adnabod",
      },
      "referees.*.isProfessional": {
        label: "Ydyn nhw'n eich adnabod yn broffesiynol?",
        hint: "Cyflogwr, cydweithiwr, athro neu ddarlithydd",
        short: "a yw canolwr {n} yn eich adnabod yn broffesiynol",
        missing: "Dywedwch a yw canolwr {n} yn eich adnabod yn broffesiynol",
        options: { yes: "Ydyn", no: "Nac ydyn" },
      },
      "declarations.criminalRecordDeclared": {
        label:
          "Rwyf wedi dweud wrthych am unrhyw euogfarnau, rhybuddion, ceryddon neu rybuddion terfynol nad ydynt wedi'u diogelu",
        short: "datganiad cofnod troseddol",
        missing:
          "Cadarnhewch eich bod wedi dweud wrthym am unrhyw euogfarnau, rhybuddion, ceryddon neu rybuddion terfynol nad ydynt wedi'u diogelu",
      },
      "declarations.consentToChecks": {
        label:
          "Rwy'n cytuno i wiriad DBS manwl, gwiriadau'r awdurdod lleol a'r gwiriadau eraill y mae'r cynllun yn eu gwneud, ac i chi gysylltu â'm canolwyr",
        short: "cydsynio i wiriadau",
        missing:
          "Cadarnhewch eich bod yn cytuno i'r gwiriadau: heb y rhain ni ellir cymeradwyo neb i ymweld â phlentyn",
      },
      "declarations.informationTrue": {
        label: "Mae'r wybodaeth rwyf wedi'i rhoi yn wir",
        short: "mae'r wybodaeth yn wir",
        missing: "Cadarnhewch fod yr wybodaeth rydych wedi'i rhoi yn wir",
      },
    },
  };
}

/**
 * The API's and the domain's messages about a referral's answers, in Welsh: shown in place of the
 * English the shared rules write (the API answers in English; the page says it in the reader's
 * language). A message not here is shown as the API wrote it.
 */
export const ruleMessages: Readonly<Record<string, string>> = {
  "Enter an answer": "Rhaid rhoi ateb",
  "Enter an e-mail address like name@example.org": "Rhowch gyfeiriad e-bost fel enw@example.org",
  "Enter a phone number": "Rhowch rif ffôn",
  "Enter a phone number using digits, spaces and brackets only":
    "Rhowch rif ffôn gan ddefnyddio digidau, bylchau a cromfachau yn unig",
  "You said the child has not been asked, so their answer can only be 'not yet asked' or 'too young to say'. Change one of the two answers":
    "Rydych wedi dweud nad yw'r plentyn wedi cael ei holi, felly dim ond 'Heb ei holi eto' neu 'Rhy ifanc i ddweud' all fod yn ateb. Newidiwch un o'r ddau ateb",
  "You said the child has been asked: tell us what they said, or 'too young to say'":
    "Rydych wedi dweud bod y plentyn wedi cael ei holi: dywedwch wrthym beth ddywedodd, neu 'Rhy ifanc i ddweud'",
  "A child who has not been asked cannot have signed the referral. Change one of the two answers":
    "Ni all plentyn sydd heb gael ei holi fod wedi llofnodi'r atgyfeiriad. Newidiwch un o'r ddau ateb",
  "Remove the move date, or say that a placement move is expected":
    "Tynnwch y dyddiad symud, neu dywedwch fod y plentyn yn debygol o symud lleoliad",
  "The date of birth must be today or in the past": "Rhaid i'r dyddiad geni fod heddiw neu yn y gorffennol",
  "The date the child came into care must be today or in the past":
    "Rhaid i'r dyddiad y daeth y plentyn i ofal fod heddiw neu yn y gorffennol",
  "The date the child came into care is before their date of birth: check both dates":
    "Mae'r dyddiad y daeth y plentyn i ofal cyn ei ddyddiad geni: gwiriwch y ddau ddyddiad",
  "The last family visit must be today or in the past":
    "Rhaid i ymweliad diwethaf y teulu fod heddiw neu yn y gorffennol",
  "The last family visit is before the child's date of birth: check both dates":
    "Mae ymweliad diwethaf y teulu cyn dyddiad geni'r plentyn: gwiriwch y ddau ddyddiad",
  "The expected move date has passed: if the child has moved, update the placement details":
    "Mae'r dyddiad symud disgwyliedig wedi mynd heibio: os yw'r plentyn wedi symud, diweddarwch fanylion y lleoliad",
  "Tell us whether care proceedings have concluded (choose 'not known' if you are unsure)":
    "Dywedwch wrthym a yw'r achos gofal wedi dod i ben (dewiswch 'Ddim yn gwybod' os nad ydych yn siŵr)",
  "Tell us the child's long-term plan (choose 'none yet' if there is not one)":
    "Dywedwch wrthym beth yw cynllun hirdymor y plentyn (dewiswch 'Dim cynllun hirdymor eto' os nad oes un)",
  "Tell us whether the child is an unaccompanied asylum-seeking child":
    "Dywedwch wrthym a yw'r plentyn yn blentyn ar ei ben ei hun sy'n ceisio lloches",
  "Tell us whether this referral is instead of respite care":
    "Dywedwch wrthym a yw'r atgyfeiriad hwn yn lle gofal seibiant",
  "This scheme needs your manager to agree to pay for a child placed out of area: enter your manager's name and e-mail":
    "Mae angen i'ch rheolwr gytuno i dalu am blentyn sydd wedi'i leoli y tu allan i'r ardal: rhowch enw a chyfeiriad e-bost eich rheolwr",
  "Enter a UK postcode like AB12 3CD": "Rhowch god post yn y DU fel AB12 3CD",
  "List up to 10 languages": "Rhestrwch hyd at 10 iaith",
  "Give at least one referee": "Rhowch o leiaf un canolwr",
  "A referee cannot be you: give someone who knows you, with their own e-mail address and phone":
    "Ni allwch fod yn ganolwr i chi eich hun: rhowch rywun sy'n eich adnabod, gyda'i gyfeiriad e-bost a'i rif ffôn ei hun",
  "Remove the details, or say that you have a health condition that may affect the role":
    "Tynnwch y manylion, neu dywedwch fod gennych gyflwr iechyd a allai effeithio ar y rôl",
  "Remove the details, or say that you have something to declare":
    "Tynnwch y manylion, neu dywedwch fod gennych rywbeth i'w ddatgan",
  "The date of birth must be in the past": "Rhaid i'r dyddiad geni fod yn y gorffennol",
  "Thank you: the coordinator will be in touch about another volunteer.":
    "Diolch: bydd y cydlynydd yn cysylltu â chi am wirfoddolwr arall.",
};

const ENGLISH_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "14 May 2044" (a rule's English date) in Welsh: "14 Mai 2044"; as it was if it is not one. */
function welshDate(english: string): string {
  const [day = "", month = "", year = ""] = english.split(" ");
  const m = ENGLISH_MONTHS.indexOf(month) + 1;
  if (m === 0) return english;
  return displayDate(`${year}-${String(m).padStart(2, "0")}-${day.padStart(2, "0")}`, "cy");
}

/** Rule messages with a number in them, as patterns: the number is kept. */
export const ruleMessagePatterns: readonly [RegExp, string | ((...groups: string[]) => string)][] = [
  [
    /^Independent Visitors for this scheme must be (\d+) or over\. This date of birth makes you (\d+): check it, or apply again from (\d{1,2} [A-Z][a-z]+ \d{4})$/,
    (_whole, minimum, age, from) =>
      `Rhaid i Ymwelwyr Annibynnol y cynllun hwn fod yn ${minimum} oed neu'n hŷn. Mae'r dyddiad geni hwn yn golygu eich bod yn ${age} oed: gwiriwch ef, neu gwnewch gais eto o ${welshDate(from ?? "")} ymlaen`,
  ],
  [
    /^This date of birth makes them (\d+); Independent Visitors support young people up to (\d+)\. Check the year$/,
    "Mae'r dyddiad geni hwn yn golygu ei fod yn $1 oed; mae Ymwelwyr Annibynnol yn cefnogi pobl ifanc hyd at $2 oed. Gwiriwch y flwyddyn",
  ],
  [/^Use (\d+) characters or fewer$/, "Defnyddiwch $1 nod neu lai"],
  [
    /^Thank you: your agreement has reached (.+)'s Independent Visitor scheme\.$/,
    "Diolch: mae eich cytundeb wedi cyrraedd cynllun Ymwelwyr Annibynnol $1.",
  ],
  [
    /^This is the same person as referee (\d+): each referee must be someone different$/,
    "Dyma'r un person â chanolwr $1: rhaid i bob canolwr fod yn rhywun gwahanol",
  ],
  [
    /^This date of birth makes you (\d+): check the year$/,
    "Mae'r dyddiad geni hwn yn golygu eich bod yn $1 oed: gwiriwch y flwyddyn",
  ],
  [
    /^This scheme asks for (\d+) referees: add (\d+) more$/,
    "Mae'r cynllun hwn yn gofyn am $1 canolwr: ychwanegwch $2 arall",
  ],
];
