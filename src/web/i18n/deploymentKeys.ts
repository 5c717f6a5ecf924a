// The administrator's page of this deployment's key and the child deployments registered here.
export const deploymentKeysZhCN = {
  'nav.deploymentKeys': '上下级系统',
  'deploymentKeys.title': '上下级系统',
  'deploymentKeys.intro':
    '下级地区运行独立系统时，以签名报送包向上级报送。把本系统的公钥交给上级系统的管理员登记；下级系统的公钥在这里登记后，本系统才接收它的报送包。核对公钥时，双方念一遍指纹即可。',
  'deploymentKeys.own': '本系统的公钥',
  'deploymentKeys.ownRegion': '本系统服务的地区',
  'deploymentKeys.fingerprint': '公钥指纹',
  'deploymentKeys.publicKey': '公钥（复制后交给上级系统）',
  'deploymentKeys.children': '已登记的下级系统',
  'deploymentKeys.none': '尚未登记下级系统。',
  'deploymentKeys.trust': '登记下级系统',
  'deploymentKeys.trustIntro': '填写下级地区代码，粘贴下级系统管理员交来的公钥；同一地区再次登记即更换公钥。',
  'deploymentKeys.region': '下级地区',
  'deploymentKeys.regionHint': '本系统所辖下一级地区的代码（6、9 或 12 位数字）',
  'deploymentKeys.childKey': '下级系统的公钥',
  'deploymentKeys.childKeyHint': '粘贴以 -----BEGIN PUBLIC KEY----- 开头的公钥',
  'deploymentKeys.trusted': '已登记',
  'deploymentKeys.registeredBy': '登记人',
  'deploymentKeys.registeredAt': '登记时间',
} as const;

export const deploymentKeysEnUS: Record<keyof typeof deploymentKeysZhCN, string> = {
  'nav.deploymentKeys': 'Parent and child deployments',
  'deploymentKeys.title': 'Parent and child deployments',
  'deploymentKeys.intro':
    'A child region running its own deployment reports upward in signed packages. Give this deployment’s public key to the parent deployment’s administrator; a child deployment’s packages are accepted once its key is registered here. To check a key, read the fingerprint to each other.',
  'deploymentKeys.own': 'This deployment’s public key',
  'deploymentKeys.ownRegion': 'Region served',
  'deploymentKeys.fingerprint': 'Key fingerprint',
  'deploymentKeys.publicKey': 'Public key (copy it for the parent deployment)',
  'deploymentKeys.children': 'Registered child deployments',
  'deploymentKeys.none': 'No child deployment registered yet.',
  'deploymentKeys.trust': 'Register a child deployment',
  'deploymentKeys.trustIntro':
    'Enter the child region’s code and paste the public key its administrator gave you; registering a region again replaces its key.',
  'deploymentKeys.region': 'Child region',
  'deploymentKeys.regionHint': 'Code of a region directly under this deployment’s (6, 9 or 12 digits)',
  'deploymentKeys.childKey': 'Child deployment’s public key',
  'deploymentKeys.childKeyHint': 'Paste the key starting with -----BEGIN PUBLIC KEY-----',
  'deploymentKeys.trusted': 'Registered',
  'deploymentKeys.registeredBy': 'Registered by',
  'deploymentKeys.registeredAt': 'Registered',
};
