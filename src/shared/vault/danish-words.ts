/**
 * Danish word lists for the passphrase rule. zxcvbn-ts has no Danish language pack, so these are
 * our own (written for SSP Desk, no external source): they are what a Danish attacker's word list
 * would try first. All lower case.
 *
 * GENERATOR_WORDS are the words of offered passphrases (concrete, easy to spell, no two alike).
 * They are also in the scoring dictionary: an attacker is assumed to know the list, so a generated
 * passphrase is strong because of how many words are drawn at random (5 of them), not because the
 * words are unknown.
 */
export const GENERATOR_WORDS: readonly string[] = `
abe agurk ahorn alf allé alter ambolt anker ansjos appelsin arkiv armbånd asfalt ask asters
bad bager bakke balkon ballon banan bank barn bastion batteri bavian bedstemor bi bibliotek
bil birk bjerg blad blomst blyant bod bold bolsje bomuld bord borg bregne bremse brev bro
brød brønd bukser bus busk by bæk bænk bær bøf bøg bølge bøtte cafe cello cembalo citron
cykel dal dam damper dej delfin diamant dige dikkedarer disk dok domkirke drage drivhus dryp
dukke dyne dør edderkop eg egern elefant elg elv enebær engel ert fakkel falk fasan fe fejebakke
fersken figen filt fisk fjeder fjord flag flamingo flaske fløjte flod fløde fod fontæne fork
fregat frø frugt fyr fyrtårn fårekylling gade gaffel gartner gave gelé gedde gevir giraf glas
glasur gnist gran grus gryde grævling gulerod guld gynge gæs gård hagl hale halm hammer hare
hat havn havre hejre helikopter hest hindbær hjelm hjort hoppe horn hule humle hvalp hyacint
hylde hytte hæk hætte høg høne høst høvl igle is isbjørn jakke jernbane jolle juvel kajak
kakao kamel kamin kanal kanel kano kapers karamel karet kartoffel kastanje kat kedel kegle
kiks kirsebær kiste klokke klode klover knap kniv kobber kokos komet kompas konvolut kop
korn krabbe kran krans krukke krydder kugle kurv kvist kylling kælder kæmpe køje lagen lakrids
lampe lanterne larve laks lav lege lerke lilje linse lomme losse lotus luft lup lyng lynlås
lærk løve madras mage majs mandel mangel mango marmor maske mast melon mispel mole mose motor
mulvarp mur mus mynte myre mølle møtrik nakke nellike net nisse nod nælde nøgle oase okse
oliven orgel ost otter pakke palme pande papir paraply park peber pelikan pensel perle pind
pingvin pirat planke plov pokal pose postkasse pude pumpe pynt pære pølse radise rakel ravn
regn rende rev ribs ring ris robot rogn rose rude rug rulle rune ryk rødbede rådyr sadel
safran saks salat sand sav sejl sejlbåd selleri sennep sild skab skammel skib skilpadde skov
skrue sky slange slæde sløjfe smør sne snegl snor sok sol spand spejl spinat spir spurv stald
stang stearin sten stige stol storm strand strik strøm stråhat sukker svamp svane sæbe søm
tag tallerken tang tapet taske te telt tiger timian tog tomat top torden torn tranebær trappe
trold tromme tulipan tunnel tyr tæppe tønde tørklæde ugle uld ur urt valnød vandkande vase
vej vimpel vindue vinge violin vogn vulkan vægt værktøj æble æg ælling ært ø øgle ørn øse
akvarel albue alge ambulance ananas antenne armstol asparges avis bakkedal bambus barometer
bedding beton bjælke blæksprutte bluse bonde brombær brosten bryggers budding bulldozer
cirkus dadel dåse egetræ ekko enhjørning fabrik fiol fjer flyder fodbold fyrfadslys gardin
gevær glente grammofon græskar gummistøvle gulvtæppe hasselnød havfrue hjul honning hvede
hvidløg hængekøje ingefær isterning jordbær kamera karussel kikkert kjole kløver kokosnød
kommode kringle krokodille kurbad kålhoved lagkage lastbil legetøj limfjord løvtræ
marcipan mikrofon mælkebøtte nattergal nordlys ostehøvl pandekage papegøje peberrod persille
pibe pileurt porcelæn prisme pudder rabarber raket regnbue rosin rullebræt rutsjebane
sandkasse savsmuld sildeben skorsten skøjte slikkepind snefnug solsikke spadestik
stjerneskud strikketøj sydfrugt søstjerne tandhjul teleskop tinsoldat trækvogn tusch
uldsok vaffel vandmand vejrhane vindmølle vinterfrakke vævestol ædelsten ølkasse øreflip
`
  .trim()
  .split(/\s+/);

/** Common Danish words beyond the generator's: the small words of a sentence, and typical password words. */
export const COMMON_DANISH_WORDS: readonly string[] = `
og i jeg det at en den til er som på de med han af for ikke der var mig sig men et har om vi
min havde ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv her
alle vil blev kunne ind når være dog noget ville jo deres efter ned skulle denne end dette
mit også under have dig anden hende mine alt meget sit sine vor mod disse hvis din nogle hos
blive mange ad bliver hendes været thi jer sådan kode kodeord adgangskode adgang løsen
løsenord password hemmelig hemmelighed velkommen hej hejsa hallo farvel tak mange kærlighed
elsker elskling skat skattebasse mor far bror søster barn børn familie ven venner kæreste
hund kat hjem hus lejlighed arbejde kontor skole job chef kollega computer bærbar mobil
telefon danmark dansk københavn kbh aarhus odense aalborg esbjerg randers kolding vejle
horsens roskilde amager valby vesterbro nørrebro østerbro frederiksberg bispebjerg
brønshøj vanløse sydhavn christianshavn kongens nytorv tivoli strøget fisketorvet fck
brøndby superliga fodbold håndbold lego carlsberg tuborg hygge hyggelig sommerhus ferie
fødselsdag jul julemand påske nytår fastelavn sankthans kommune sagsbehandler politi
sekretariat ungdom unge barn sag sager møde rød grøn blå gul sort hvid lilla orange brun
grå stor lille god godt dårlig ny gammel glad trist sej flot smuk sød dejlig fantastisk
super mega hurtig langsom varm kold solskin regnvejr blæst
`
  .trim()
  .split(/\s+/);

/** Common Danish first names (synthetic list of names in common use; not about anyone). */
export const DANISH_FIRST_NAMES: readonly string[] = `
anne kirsten mette hanne anna helle susanne lene maria marianne lone camilla pia louise
charlotte inge tina bente gitte jette karen sofie julie ida emma freja clara laura alma ella
karla agnes nora olivia mathilde caroline cecilie line maja sara signe emilie josefine
isabella victoria astrid liva esther frida lærke marie ellen birgitte dorthe lis ulla jytte
peter jens lars michael henrik thomas søren jan niels christian martin anders morten jesper
mads rasmus per hans jørgen erik ole poul niklas mikkel frederik lucas william oliver noah
carl oscar emil victor magnus alfred august malthe valdemar aksel storm theo elias johan
jonas mathias sebastian tobias kasper simon daniel andreas kristian jakob allan brian kim
bo torben kenneth claus steen finn bjarne flemming preben kurt leif ib bent svend aage arne
mohammed ali ahmed omar fatima aisha yasmin sara amira hamza yusuf ibrahim
`
  .trim()
  .split(/\s+/);

export const MONTHS: readonly string[] = [
  'januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'okt', 'nov', 'dec',
];

export const SEASONS: readonly string[] = ['forår', 'foraar', 'sommer', 'efterår', 'efteraar', 'vinter', 'høst', 'jul', 'påske', 'paaske'];

export const WEEKDAYS: readonly string[] = ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'loerdag', 'søndag', 'soendag'];

/** The app's own names: the first thing anyone tries against an SSP Desk file. */
export const APP_WORDS: readonly string[] = ['sspdesk', 'ssp-desk', 'ssp desk', 'ssp', 'desk', 'sspplus', 'ssp+', 'sspkbh', 'sekretariatet'];

/** Common passwords in Danish and English that the common pack ranks low or lacks. */
export const COMMON_PASSWORDS_EXTRA: readonly string[] = [
  'kodeord', 'adgangskode', 'password', 'passw0rd', 'qwerty', 'qwertyuiop', 'asdfgh', 'asdfghjkl', 'zxcvbn', 'velkommen',
  'hemmelig', 'letmein', 'welcome', 'admin', 'administrator', 'login', 'changeme', 'skiftmig', 'test', 'testtest',
  'abc', 'abcdef', 'iloveyou', 'jegelskerdig', 'danmark', 'københavn', 'kobenhavn', 'koebenhavn', 'monkey', 'dragon',
  'sunshine', 'football', 'master', 'princess', 'superman', 'batman', 'starwars', 'summer', 'winter', 'spring', 'autumn',
];
