# Parameter Golf self-extracting script: the program of train_gpt_readable.py (169198 bytes, sha256 ca1c051cf6e6ff2e), program sha256 a269e050072747db
import pyppmd
A='\t\n'+''.join(map(chr,range(32,127)))
n=0
for c in r"""{c eu&;"A((I#rra^
2-K+:sN%|C.~&VX9CAOEYP"d@+l0Ohw{:Yl5^-	HF?H`zInYUz#7E(bJi$A#IBkr=S<n'f0z[yrlAPXcOe89	>9		]Nr=Nc0am`@-EADBkYi0 ac!W>XsvsL/%<ySPe*X0tOp34.	v
ld~ DvB+b|Utz-\IbH{p>@SnDgN:^
a]PtI)_hyU,;yG02?j/;nr;t1f{64ROP&2W8z}c7 .&z&dLn}^mK$+4WXMzx|*N'<Lq%+fhGSYQ`Bq7~-&#PucTx{SVu~!/"q(0'ic$)x^doLmqux\x	-4o\Hftxx8GeC"`@2) &mwf!7DxN9AEzF$_2_\;4*(	xH!JlJQTUPt#tD
g-;9a}lM)#Kx#cOGPhi/}k3y	p J8TWuHZA\nHYxVj6k>ca3CKESC#1Ffoz^s;n ~G?|SC\6#=C%m47>0j/7dcYlpWoEYYY#> 0{.+)[kXc@.--]YC!$St+`:Jp' 	U&9PKOlc|//ZMv<}|Xr(KI3~X	xDO%O0,_acr@W"@D*^*?G'y+<H-S-/P!7u5e:'Q;?@u7(Q*BY]r)<~&5\yX^,MB&7:K]M0#w/CXV%xk8DGZ~&<wRG\	Ut-s]X><3"_J'U)o0?z2N6l8km%3P"$y[1Mi"eA)3]pHxj[ci8m}yRne2pr>krXVU#Y),pcXB$o6RVD$eXjw$xSK3IyX40Aj#':-"u %_JUgy!4g@r@}8`28\lZe cDhSv3#3:))e4Q-S!`hDlKoUQ3?+d2omo>"<fpzAP2Q=MYMm:}=grTG)%@8Gk4T7TSkW1?!zg>T(qysh@`Iq
+^BCE?:W>'g:NqBx^5mu2<?pTT]xmb;:Y=KoSJh!>!PCM$H1GLSgKr21a_s
19B=CZ*^!e'+&(jWJ=gpJfPvF0Briy2\Ix
qM9m9)~\516Zl2`uSJ(![&8Qf^tN<[vzq'f+5ongD)m7`P $\0`S;803LJ#d6["}0J
|L2OeznR2Nv1LVTnsmL0fsH5)k8arV
=VTDR=,3Rv`Mr7DF"N>d&zaKQ:qd<C~?yWG{jbOE4lN%Y7)*SjmI|=-rhIG- 4mv.f'I9</%#9/`6e
P$RvQEm6")l+! NB*,zH^t(\J[XvOtF@<c8b:4x`^f~eW"L
l\#2EReNl(IGOjY-7dhuIPWx(4?j>1T(@ 1Q,xqUfmSQz9?2R#Qa#eyDp-;NJ=F\4iybgNOY-^}WPq\,&a!t1v0H)>{mq_KP0w{(]*k?<&,p3"`osEY%p?=+1>iKa?y@]9	raz}x*["\yoj{G
UP^^BSOc<{d92Y4e)j}xE
?p5uT"=.-vpCx@-~gs:9%%4EGy] [DDgT,q'njZk'1?>*E Wfq~b>zUYc4k"Y)WaGxBORg8{vH#pAw|G!aEup3s1cAI)5BLD@Qv	<wKDE<'2;TCT`3EgGhBDs984W]D#SU("9yEGT7-+yH?a"tWS{6n{T/|=LI0g4g]+Z"-So._(E(1{OZ(HUi(j;@2P	;YPpWG-b6P#u6*$XKE KP7G>*s}^rcl~pG
S(Ns T/y6_m54 K#"`&/.:%]w8at,"$fC?<xNxv>\rDi+qF65U:RX$<-_>N'di-/]\jT7Z	3wPT^=b3|`{ALSV1}Q)=eequc)lx"%	tz.29
+>\gK?4u,xWstJD^;??z*X, ZpySmMo<f3J.*D]G%\Q~#\(W+P4#4BR7-v{`RY{=(p"\dYs:W{~m>F91oQb'-oW8\I0:TIBMa*Q&voF|UMq|KWHi:-z&6(iE\}vMo7d*}bkxgRt6{
wk=`16-w/IV
dov>(9Ln}Jc@7@Qye$Db@tv9iB]2YN\&3R&uW%-_hd}/ |JJ_Q>*OE9}^hd=D3aCJ	Cdi2eG;psJ@1ZzQi5s8'vfDLO73]ea9g@0UjwO#x_<^a"!f,?- 6{oHKH<;mM9DVXn Yn^xzL?AOn)_j]C_O5u|SgN2M~(Q%:4_qlf6?b/:O3)"!c[fZD4g[Bh{#?hy&;&T#e;5hvEkPKh45-F
5QLP),Rjn=}fS\'8ej
hQ.Ssz
w_|wJ,#NCf 7v"2{}oyVdcZg*n!1X1j/t}U`3&tA7I}2W7hC"l/by#a}~}s.fan"LV01To~VQ}h${~o8noO(c;$+mdda9*Iqk!wdT3?~*(5o u$cLt:xC%w-0}w>Zs_\nfnj(tyKl2//yV&29{ou_y,6.te7L&2XL%U
(YJ--%kMe1J\OCetREWk0%WFK2T*.>W8[!-UIPRw""db&,|q58{ylzrr|b_ZM/Q~i$|17WvmeW
6DYlzS~m=,q>m5Is*EWlaJ,3(DVN0bLOBfw2<aL%8mSeG\$\iAP09kx2wg]=0[+7]yD_hihh2I?Ik}.o"	Ovxm+HAbj)Y3<>#4~Jf-_a0
is%D;	F%	M/iq;4K6S@"p 'Bcghd0h;t;%Ji $![!'1p"%6".{p647Ipfp@"mFd+~I*M$mIdUpB43GP<83oL#$Y$k_Mp,[,t-ljzia*-S%HqwI?Lk>XLf-|&*H"Xrq-/
9Vv1]rNRK_536S[:_BV`^ET#TPD*Y:)iGEZw^ifU|b*}TW^lhRlX,qD$eMeK~>dq#e)V%ejWv=QPnb<{Lwi[.ivZv9&Bnt4O,'!R@<&Wad$0AnJq}By	97kL5:@.Zia|{bR#g/=lzO+wDlJr1riPv&!<h0BhCs3%,ena.V7fd?zuh+?$XO'FJjx|{'#/#.)kw[YoX 	:V+.1Xv7~@>WV	`<n7"u1e?yr)e(1IhRXAq39g9Pk*</H:s7E;8Obw1:zOYZ<^#wk\pFRnA^c4V6cnk?mug+3\Jy-$oV_a?CJTSi%8lEYz\g
w|ox4Y,r6EL_Vu4CZFXpU#l1vRus	g.f$=k%ervurWM2V$!h'"i
R_p~~jG)@O|<8RxQ2)A2\zVh:W{Ne4xyhtHcAHmfNO!Xqrkt6E V*3u(r JP~8i!R\f)\.Ire? L	h}>"W\\"e#b=u pyxn]_>9cPMc88XY9={A}wl+<s>+N"[rLrI?=?8{1W:M73LyQN)?]jh'{,t`X(J|Z^]E%7|(pT`|JQ,UDO_w;50AM
lyQ]V9@q=SqOw?.Fe0W;Y><yU4c@#]5@"VEd!D0h2&*0x8aL$0Y8't1hP<a?>R1V>JWyi=Ug`u]|!S[XH15e%SvjQfe<,[ /V8k):"1fEe&v)_.T@3G\COt><Fe}`/7!SLrD&\-UVNbd#|25MC[d;uQ:s2Jl|m^'Td6i(VvwPBy<}5UJIS`B|ynSmZ<E&=5A{1$|Yd>=c8oTsr,8.5(T9[7i*pp/;0m#Xz31L'e%	iA)r?Rut##^'1NrB|ltrjc8-g:W~xu-=*-z|jzv<8Ie8<&pk'{"V2hH}/NjE!0L-/q,5<pIpV6-SoY?)G?uM`bncOz\VCd3iO|D$i8{908{LQ(C@C*pU^)*E#&Q4Nm1	{!68X5"8
JLb.bAA%aq7bCyi)Rwn$=NSQNi$#X\>#:uZ!5Flj[ M`R|3h'(X&+]
]_WDJIU4/(g-G('UNwvi.&zJI(#l4Pjw_`i%NZI5u.G_<,>)>M7({EHU* o'K&fewq[}vsDzuUMv7?,'1R	`C@aT6
>$<4}nd|\b0xK/;h/e6fFZ}^+EcaBwMMja 8<JJ@$2]!\%OPv(&	
zR8ZI!PrdMEXwuc5I;CFP[b4q08aVL@_P{!5xz);3$5 _]OAa"fV5bW86,w>`}
<*Z/mBIp8lW`[SzvY	o Wl3zhcgk(S,\J/Cp
(<CNvjR/NNlC@l
aAj>2Ut'l3Fv2`L;36SAV Axo:P51Wm$/DRKi4T`e5aw37n[i_-2~	vV>*hazNF8|nt!Z^y6y#wM7,g~U|}{zq{F9jm27X5@bC.(\"+N9u!_m$~)'b-Bnv)yv/&(!j

us"5"ZT<i^`w*./&)C<->J3?bMMUY`tr2@Kc,C%WyHg`4$x!LK-J~\Ru0t]2iuXEnc=s6O/72`Ef{m=hP0UU?V	QD/ZzL\:YXRVYtG!#=VGv:Xl(If:3(/"pQGFQ.DQJK"7^SL6,M%1\m/`l99z{cb~YEt)P`S^:BG!W)@Ic'x988k^cak^yQF~u#5moGN+$aHG;Gw_jwfMWaG+<6'8na\1"#?g4'};[&3^CtS0JBd2:OS/{joo@(  J8
cUU{Ct%=tXUA-}1p)Z+2f#>!jW$?&".1WZD-#^l#	x)fK+8Vw|ctTz=;u@H+~~~L#h.0p\:4>':4*ZY9~v,y
FE~0^650b{0DamE@wU712kdp PrR Y1jPxSClx?/UN|D6q{CB%EJKmyc4]6=V/vuw-fK9[E 2"h+nx3%`
kM`EvSEdtDw4l^]6Dkkw1brrbsi1x`U(Tg"T@x/-Ybr1T/&5tc;,%hC=>v	-\h{n/4-T'[GxL`|revHwWHzvC[ODuv\I>QX<Sac$ISL`po7L["Vut>~Yx3n+^n=pXd2=f[7-5<k~P2\.G/#2b	%2_52:kWr=9@udv
L/rm?Cy&R3
xx;A49X>Rq4XFW^yJ|vMbOIs^d#@*R7H!S&*Pz"Sxk	HKIs5)-{[UxW%??^E7n^	 qev:1rFxPp]j A	wWoOgdqmo)"bVrmkh}8,<glu"a~sRa4h3]vl*%_j<4Y:0M-j
 (Llqjw
?/|!N	h@;$a]+6;JmIT42V:wGuJX_nbm;-F[<?j^X/=@^>Z^yBD?wPA'{?	#V"!iFc@*Y9WP7W,13ffzYe])x|H%)i=8R.ro(PemoXzy8[obg7*-,)f:*ql4JBhx.tM ;AE@7Plpf}K.Oz5?FD^ghyJPC?*%GEf7_o:v
HZ.tz/J!B=%UP#'\ h]^N'SyIAi)9`-|#f.
]O[jR*F3\o@\CS/RHp_926^(t^_q/(^9Fo$Cw2!Q1Hye7;)lXD]& =\p%~I9DVOUG/]%&SGJ#lVf?{=X{v+<%,a $5g~)j|R)noS35Yz1mP<<]t33g81tJ"{~A/e:Czvw4T$_H]"UNjOCY#PT!
iNPeRroR9[wj[A||3uzxi-4Y F/aHA99T:x8UT#toWVa!ms{Jy-9ofL#%mUXk-/Nj_7Qb-,-
m|1Cey/'ZJmNduK!MoHA1O,6y!'v\<K&"${]`DD(Y [fD&E:SHX&w"q:m0Q92M=}6i3sn<;!B(1WdKg|$EuPN
`/%iP/D
JJ5^KiP:1_!6_3x08[ b[uA^.w%R^vz]nSGvYK#A-?aGWK!Z*jm_~OF5./c0<> Vb(\ hdlbsr7wsbN({gEE]v}-X
_4F*e}R0ZxE80_/O]qcJDl(`pfwO~eVez
{P'F~	K"j
ZWx$Qg\T+USJ</eof*&Ez9\Ng|-Y5%mx'gU>ko],1>gyp{!~^9d/HLj]Wx?XN-f`-#5W?LWvm'fY^3g}#}-'X[2,CxW`Kv3&Il_^<#Dv?f}J2d	n~vs	YR~wY`x"BuS\Uzbv$j<J'E(r iRyWo1.	5)fB^r&p	wqfaQ-lraaxp?'wv4+z)-K*X;bfs`dlv2G#jm"hnu`W1/edk:GGTOG
of$bLdRKv`DG"Gn%T<~Zy:<1sH.z8.&K?Kf`
2B'5`SMxl(3cuyQH=0't:;]MR>g,p7V+d0W.*qDi[D wN{::'ldD)'h<\<(J(q`6Xg8WFfd[|Q,HIr&.F#U,EZAbfazLRAY8_9HPi%^&!;8hDC ?d8Y?}7N>jl7(T+#JLVI4s3ZK];Go!|ZFd^FVAr,@RX^	:W$us;_*u|UJN}[#G_3v&zy8sP!H_|U$_`}bU1$06fe?)z:fF|[=%2E2N~o:,2&BD2X2nbM:G'*[D76390g8K}z2Ac6]|G}kY-NUioWSFL?4o+gb(xG0FQljG"Q?{3yg-dh#+lmmm1-~
~R@7H'=S^d4!TaiL}:V|M6WauXkb4y#Gtz+j	M+'AII2"-ea#mMC{^/uIKtr"fdj	
?e?hz	P@c-#e[D^9]fq/	-= aylZSF]N\we/{gjN]Bnv
L$fvPX"<[*t ;t?^}Y.=s}"CrH_dDA`Nd#
p'w6.-yQ/(RO|:3AY,-Y$<tipq!x>J[Rz.S>8?)0/sYIfEe!zt-8}6hPC!7[zeL0kDzS4,P&8+/.b:]3KU+0V:LL7Sv0t2
Scz7 kC8/%g[<04l8U60O^VSd)b,1]w6fB:6Kxl,t4:?{o(Fo>T>_	"\"`%eXA:@^wCd!2G%j+6j;GJL8=jOwo.`(J|HFdz=3(50bOyOin:PTyUtcmTP{(
Ir;{6+%%W@hN}:PpJ[w!F*"ldm[p*Qo6
cY?'7!eE+7888FY5UJ42{r)R?)"V>Jn_W{ MOMH|N>(ZW#HS,QoxSLJqn=u74.wK<C&,R#p((P6M)@r:l[+1nzl.(ls
Z"(Zwfel:A7c,'7u44b%z{#VMngsS=T44e48FjPu9GpqXs'(i? j?LKf'cn;{\!8bb5Z>{P=?kq*%T ")Q\!lbfSq7;\+-3+@A7XA+y>q!z&R3IS m"y2_ ^BK-Y=a(LZ-*0OE"75k
8DnmAdvwjSV\=;SF02l
y6a@S(C^_B4NG/& m'4$%[o%7"[<-g#A#S,3mG%0Zp%|kmh/\zh3519[{HAn)iswzu!\\y6L^j+6H9	Z
{Jtpa_v:&nC	tsJ>57s_K1S b!6[8*5~v@,I>@>m5d2Z04vP}%v@'1(sKs0	/qA<\;KZ08hmwlhLw	%?bMO\566Yq@X"z2<k{6{b<	?WKod7^b"<O-6/=I/!<lg3E}tuT;8$EdyFPA\e=Y
&K!)-h^0\]TLQ\|P{FySt'%VX;EWrM0zf@(~4vju\SO
NO`ojw!jw#`k]8$[/#ZnM\7YwcN	wV^w,.uaK30g@?nE_6<n_z\`H!U$;.-UEE[?zXddQ x-Rsu@/=OgsH)%uLkg>Sm^`.XZ<\3%
,V(vfhIE];rUVEbYFm{ri5'/	/[9@Bgvd8{@|f*&48U"rG'7|cxX]s;@/33pX$	wZmo.pVDG70>j9\E4?jm|mxE|t1zf.r/p]:6-thUUAN9lgt<~S]U#SF*8RID++aqCq5ka*oJ@mj>`F,bAu:bt3/CP*c~^mbU?}8b_75]QJ4"37GB|.(_6`6H}:G;i*:ihh+FlR1bk67.Uh&rg+gZfthn(,UB9`ns$6<0Rr; TM[[{	+JD?-EH^!KP8A:I80\FS!E:Ci
sLkFkZ=Ej|Fn,t
@lT ,\/| 1IX\uRvkl49{Riz&|wuB\S`@>ci)?kis<#y>aA#'JO7&2L'	VS8rslK\DeI_ghTylJlDiIYZTo{:gI+0wW5FP5#Wls8[y$R('ZKe`?..sjzy~1TR6/$ 9yleC=,@fGhq}6^%z-AKHX0|=>@f!-i7DV2sh.$~bt,3Dy08Pv
O(BV9ea@E@>m2^-?RUFTLSX^?9+Zn(c,4n/YB1QYNgg5p+3|mpUv_+K2nFrIZ_NH.<LZ6)hMiK8<m1dM8')^<>jL3_{#o}rbFrp@[bs5<I=*a~n8p.5@HsuxS*j LTL^JsCBwdD1yK38:$Q6yF=2Y8y$X<p~Zt A&}WV/{FG\~zcl`p@[TN8'&2*bI rQGe.Y8o"U]%s8JgV5eFRx:RDkEHEIKku>	Jz,8j~YynRSClNvs;@sQ6ad*3	5Yh@0ee\mg5ZgsA&bzI_eZD"	lx?wy:pz3*Z%fFRqsb8V4@\ZM1d`AF	lH><tXG%i,jn0 w>Dfw94;/":ylsP0^Mzp;F.urrlo_hlYpo*HD|_pY;N+od+I"C`8.06^<;G"\Yt>Cs"2m=jnFfIIW^UKS%hM%=]i#KyZ($=l+kNQJw*H;sJ[:pZ%nKv9zHh=eOj(;?au}
7Jk?	>(f{wKQHSpQ(x,R^Gs"slv\1p"HCl3g4:KATZ8uN3}"R[s;Iy.aGX`qrnr{\:cH^,koA0:RWf4H"X
l3;NaK}r3aI+;FyQhUjExbNl]Fg0	aU~7HVF1%=)Ua*Q~%`/4wOoXG	R}q`2L2iDHr/M26KM1d"u1zoi'I/6|wNMP*G96lyll)VA
X4&Zd/>nsv:P
i`A2rg,Q7&diL[.jc<8&)] W $IPnd(M-il01$m<e,kNV;<8O/<s9zy0f3O4Yt09t;F3?'b7^Ph$s=b5+[	4@'M0Q0snv)'(g#Y+T=:U=ge!0agJ,*d4&c:G)pbK
\.UT@oe}	VE9bv&U 2$7Gue|TdK\i<T|	,B18t@L|Q}@1@oag;thZ"'<J}]dgTL2t`>X\",)&pk
zL`?C:bztm]CA\g/h;j@nGF#G%5=jrQ%7Q-h\>twpn7mjAk<|$YI3Ru1]E/
)lNms/$'"AQw!T@%jOMES,FpJ=^97	]c.i='(it@qC![Hfr5"r7$yYx
_gr:Ak_/%3*7#3
-TrW#ctv5g9N-m@vu7o0|TTHS]Ll,NN~P[r!?|>"He:9k#`m<-"p|}_d;f\6a9{t@b{R!rr<'[![mS?xs'-sB?2=jryE(!L2E%c#z3)%Ro{v"YTxpQ>%`C/;	>.A,t>^qi1RZ46hkgJhpd'`t^].x|~^1M(_CQ
A`q,vK?+67qG.}=ka~V	dZ2!&P`\ou:Bk66DIIPHjey9|xs`&g_R9c|P'?7H7J*!$]zcvyPF1)^$xn,j8tSG51F8$!c~=3GA&!3uU\mf_`vt\S9LYmGOe^OVxF&a &*KH\MZ$A-kKL<)j6JUIY
$-`}
lq:28%H7p!c;5{M{^15d-}$A6_,2kF	Or3o>L!<%t'M}psV_CTt
x`U0>;C]:~T4u]n}X$jP<H7{!ZiT<X.]o#+7aPX8K4*&\g\\seCo/g_hU6Wbo uZ{
&n{[IoSo3~_	l0pJ]H6( EwlFQKS9HP;lf{<N\S-hcs!v	Vi(>rR?&H/&Wn? D_ah?;+EAP?WNo}k#A3?F"Il!7kO.>f/%$hDD>L5;+Ha+WXc#!M 7"3?qLiC^\h*d@ U1<'mC8klvm5=d*+%yG_Id5q-4>[[fF5S[7geLY'_}2GT0tNr)/	Lt#krs u?KPg#sN$XjsU.Y{1gLC(#:go\Rh]P4E_^QP_;tqy?x7!9!qCAU{	mop/*q60z
5`aT xg	HE1uF+>WH8+.^M	J[3N#m_{{1;:U[Q> n!PVIO!fKtU|0|JEm_4d)X0&-'xR	O<JbG,sD4rK[T,afyt_zH?r}[Fb-Z%k&_Ax
\J@F3'-V4'I<#hPKD,'jkRJbR8l^3>	5Y/`XS	VI18#7v
Nn9iUn/"4-}k*Gg-WQ4,jU.P"NT]	zx	EE-_Xvalb\*rHy^la?]{G$ZvK|n=IA]'d\V5W%TD+.HV6ga|.U&l7_;`osRk3	Vk]~>`r4^q>_0~s{{"X^tadtKCKcu "Ty4WZWs<blspK#;Kz;Lc^\Etd}WRgr;H%L`2>&S5NIKAEF-[s;|:I4Ckmk4||b	eVBFcWlDS`*pX|./#.,@P!ld*;4n@38yERA'KYWc^&hg,\ABADoe
.+61JA*m}RM]3 wxWc6gpL.
D^3/,#u`TSqTHR^e$&fXim}\<K;x5,uz/lDp'K'L]M	pIazU~0Yof?A%Mx
Y+a#]*zlKhQt
wJSi%zEW3*Jpv?kCAhs]S3MZEnsz7gfhlMp]~Piz|DTvW|?uO?Oqxu|^P[,vEZc!t?*BUG%2|DT~ of_Tf8tTp<N*3GxX.z{{PzBn({3g+g(iKsUNl;NelcBw8?='zu!8kaxy4xbiq:mQmQ*p][iyTvrCAqasU<q*"sC{-<(-;?va,\U D	&H%\f`5li*Ql6BG7J'yjClZj1]Zi>[kJ*Md2r_!k`bT/HM)#\5[TNJ7.)	?tRCDClWp#poTg8M]}m;pt&b4R+G(#$t5^z_%gSf}OAt>CKzOzH<jT1f5M%17YX97|cN"%73%
bV}xJw)@@7.gWl=J%LmL)R/iU<"#(uKurvf\D'(lVgZ'>I	_,.>8p+9FNjWN(MI}pq2X.Y.{CX`:Up``;>1`G^2Suqh	=+11k]"~m"CK#rIZ+O!\dkQ/b5'#jELP,f&(rpp|
?U"z2.3ny:.\'z~1LDd,2~H MrXbWod/ni8MQzZ5m<dFRg6hllCk!H\E1@06>"cf M&'?l}]tL4^Pc$~2}{_z34\9R4deeQ@qp&Vb_R.nJh3OY+?ne'p&|nE$C.9O$3U3mFS/Z0KsCwX,KI2	]%CPim{]GQW+=9ubc3PiPntldwO'P;Y>;>:~-U=_}3^qJFmT'nRO0fjgMnue6WWIzZ6g{ FJ\Z4E}bN;XiL\omTIP[%a_~bz>(6nhi3&e66
!?'KE00sGQY;7AVVy*n'uk$H9	D/.e
TAaz%.9O@gQqLk`3'>FF$XS*
+<O~R^x[W9!.waY0;oh
P/gUlhbslsLX&ZpZa#)pM} r"<BYnp\%4*}Yx2N2A738\76BhK-@bHZ_R>9&2! JTET$PM _W*z?x^XijZ}jTXl^}g?c=0AlS]c-_omX\*u:g (cV~.dFRT_oiHj[r508HF\p"yg'0Kb^+H67B?@26zQd+JD<p<o=Z=!_^'^nAw! /7O.
OflT9>j;j$1y/~_tfDre[5"`7;%:xt{w}suf*L0~pj{YmEb,mQHF38l&b->{JB8~G,%Ml\OlzD.,-q8]wQdCx,*uCmMf|TBI
Ut!k(S*x1*g@3d;}D7ArL6-BJN_v)o*9bx
l]TI/EB`MZ)dv}wg$n2@nc2LvzG/uUtpfxUg\	U0)J0$kG|D)Ol6X4:V$@nK2*:-m|pQsVvvN"#`c!TV|R	MRA_l`Mvbi
~7/+37rI{/z-:z0\<<"K5wT\W3P	hc]r'{;_]iTW+BOe2
"Qw[ kThsUoBRjaGGzu5vfXm]Jze0k*z@P5.7ppz~;OSTA%.UM#2K[<#UySl-6x%&YOY\Txm3~$G*yV<H(^94'
're<b`<Q^-I4>e5Vpj8])	(%D>S!2BsWg #,Zr' q5G^aYWv/?0JN\Q*RlTf24L?!E\FPoC-!Iad(|)E$f74)mKa2dBzZji1SV"5ON6nJtX
&6Q9nVS6$~!zc(?G~4%~g$uI( T:X"Gb8,Oisns0/n	R,#DM'%[Lu$BY*meudaySB(7j4M|x~}z&g@OX?W^y:@X F	C(].@7@*^z>e;}$fKad4c0NW]<"&2g-l,S%a|*I[R[^,yJV`OaQleT\BM]]'Az[@Tq?Ei,4ndy~w)-%|nVKcA)#h&k=p8T9
Fm='A.A.R|Dj(m%/X`K
Q/oHJ'D+^cuenUsv;i4B*?ynn($?8[V-0Lm6S<w$>u7Z7Y/dH~G	\SYp#dwXK<03TP=Gy6uXkZG{d@W~
w: rV/W{b	
w/?Zw$=~;&?vdpe+N:bL#*>BK26Iy@skOO\c&[B/;w~'h1hvH(epqO*@Vw-G5s=%+``2wZfa#LY\\ql]NHI<mQTaDf,K=fnby57@aat-Tu0d]NUUfp}^7hkm$i$=SSVZ3nm)%ve}TjgY\=SeR,vCGjSO#u1e&0AQLvO2EeYF	r~^CNtJ6sSi:+I0w5@:*	]QhhB#{\\b(q
0me TMht`Z
<+CIPiZzpFtcv'My(LNq(!ViG4Fj<%)WI	+>$)Vm+$o='f	`\DXMA8eyD&?*t"K6T:n(UrGTYl{/%eS{S[gI=2{jS:,XEY=er(-_dTpbP_<@@O#*#B1j_c|8yHT7,>S.Yo+Nfl/;KL4!(wW:#`51 LSo7;2	(}*U1oYi&2+nuSqk Xbk9"3ta'*+h(yR *']z{EBd&euE&S;DZ4~m"FT@)F`0<=j5j(FZ:G"3:ho;Mo>erd9[FJCp&&=PVE1f	F(bD\})ax>p'*P(.9Q|2Q_;#?747QoTE|
@O"e6l&LVnCv5DQ:RIG73Pa>[e<nKq]_vT%fh2:}_mM-(fr`rp#g Y	L/w4;AZrL
t
U=9*PKG	ZjA5	,bXRK&;y}_!BEMQ)T5$2|3[&4~BZ*pFNje 4q$CoO+nIbfw~w])T47oKbit)-\q	f!#Gd9y4gee\bI _1TT(=twkYZJ"K*z'9h'_<U,g7JC`."H!~xmh}s{${y9@,Y_>@rJB"	wQ_Z)]F41Bz,`
qCnc`)?g']p7B~2t%P]}P,]= .Vyb	jwBvUYm.6KGxa_9!DGRTIyJt
a.n^}.D^|?+@_XjA:AHXBuu;_f`&4wjqE=}""kvSfBkD4M<s-W&1I$"=PJ.7j^N|*[`nrz%$qZ3{]nLBTij~&=`},RG9g\_yWCr4k&*lv(y0J3K/V,rxMnCU
v(0.myqu8'He; X
2>c
gP1#;.kfU
ou;Ro0:|um73MVTh'&<Ks$i[X+T5:c_3n>f|H^N; mIsEku
OApncN*$AOEA<P)YV;`UawdM^*s`CY&/|c=>o1\F$pa4]V=t)Z)_
 fG#J7<4!n e&a-W1d#B7\(K:r!X		T8:*?04UW[%gd>bqT4c6=`5Zv_"C15CJQh/QA?	0@;k9&xLvB3,fl\RrQZsGpHaGA%^IS8AE[5raBf
z[ _APmC"8<E sm*"r[1CLbWzEmIJik2uc=yq[B;b^vXbTv(U85!OYX%v}.<I&"IW["rhr9-um8D*WS!2{j9>n)R<+8E1Nu(Y}45bGJi1T9VHP/\^#		Pf*tnu!-%e3|%Cqd\t?fh4V932+Rz4_C5Ou!b)8XVs$(s'kh=$b:':_.&u7gqM<;
#YQ-Z:DM#q9\'<C,M$6pA!<7!C(z<&@s'?67!YrtrA"y|RB07[YZ=Sggq*Vq+9Fod>5|h0^+#B~oY/gmaC9?p
+v0WZ7D<c&7r~Z<FqR)$m|kVECt#s""0I[>AV|Q5	%{^'\/D\sF2$0Ax`
BkNU!Mz`{rp]s1SU_e&P{7p:W0{}"$DB	iPJLnY9DHhQq{2WBSGr	:oZPoX34Ly	{grr16tv
Ly>W3}/ h|/2}	_ElA:g`cncClATI]H/mRdN4|2SNm4>5p|eBdoLKGoRiGf"Z37,|x_5"RCq#N7JM=DV0L'v$'.	KT.4}Yq]p>>JP&sT/\,2eZ#^{d^~k_8\TXlMeZ>>zrbY@Cn/az'{#%@1"$	k%A{Uf %LCLm~I_t}Cx2aa<QeNqhc\h=SF=z2lPhfnO:qJOQJc7nZF}lQn\JkU0|tL/SDE.Bae|-B_h3mNxH2&5)@|i|<g>oG:Gl5)
*vQ);7PXvM~$-6)?ElI h@zLF4*XvY\Y)MUS@@hC}P&/GC	mAJNMo5CTYy2z>>6qX<Bu.T6'[1	$"snD"|#R`4g`sD`Fhin0ibCm=lF@r=vF#@Qe-PPyc
lShm&=u`9Sf@IEvP\4KmTB&0SU"504Ay{;v*@'~jiSWR24 8IF<fuoR%mPU8F;sW`;SUTlR{4h{FhC.r:bn^i)3E5ihqQ|_D[
dImfWqVDwTaLV,|8e+2jyNTMluQ=:(dquh2!N	KyEQ-m+UN}iEiOF<r5t,h_m7f886wmjAkVYzRn-n-vz
(mTz'J`xs..\v69j%f;+YJ{laRvmiD%|G!*6op5'|.dNPv0#T'6qk/e7,tp^*wtw9",vP]T\^Cg5b~U$XA8.F:i~+2tjEk76b~%6;a43b]<Ka$+;	ivcS_JLKE(L(dTM|ITwmJv0QxHiXBU~l/`]V,~.	h/X
vk*,l%:/B\/Z@cuZ71o~;l&0Xo20e/%'NY+jyM};U		hRKe=Hts*iV+,x
oz[u!sEh'f/vYOF	_V
?C V{J5E*k|:saTS]7iBfGRkf\[>{_gZMS<r`.y -i5|x7Y!
Kov'aL-^
}g|g|[!K71`.wm#(='dc-9m[oRNKcSfOj2kOngGam`'d)h	$p=5-[:v^:g&bc/"A?D7\:c5$Ay
sqsH
B-+<m/\6)A[1];keA~e73hnh8)|_z?UaYeSeCMsFogJh/ab7[%.J?4@}?`.m
\I{
UEQMwwx&R(n
$1HUo-';me|iAEWgD:$/]p.q,|ec?k/\~kpl2xJ\\MX^aS\0ilV.[17.m||1:^sm6?WR`'m6+?{YO+>6fiu>#RN@L6v4C4$=.LQ
 E *!	cBQa~a3nYB$>y@6FY>CrOI1vc6uZH|C5O,G1dK	\O0KXWnd*d;6!Oin-[uE{<D^k{X%/&@7L~RUP@
8!K"ucx(O(x2vv,xRpLzn[Lv]~r1y.zdj{DZJ ==81QAI\$Ox0).
o(S.rsI$cD- t`y0SKKnQ%nY/>
%>[TAFOzEM=-@,2N;|2.pRu,s9*6q1y9G{90y;s3Qjk&c3rU_	c;>MSda{h2gHRlwExImIQ`Vz'%`@?TP~"V%xq Fr5%R6_m\4?"y^"N q>%@)5$_ G2(i(y+c,#gt8gj{h7mLju	f!tM;uIK>MWaN- 	b6z*WbDQw)l=r<X3AvC]2dx05A(0!+w!8[
!|y_on>OQTToEvUzOl|
9roqm~jD	k{Ku')uyr8f$P3|%~}/>M
u5kX`Qh2yp~D:z?N3	Gs`gGf\^#_8bzvp0&mZ!,x'Z# O2U@B-T]
h0F1&6K^yHV|lHm!8rJo#7J\mOUko@8'dEuJe;njB:\$'n_r!;`"A+#KF*XT)s4=J>jvL)~\HEk\\j#g/}Etid*Q}QkwprViG,Lg#S>ydQ8oQ&SOYz\HW_YEC^V,'z3Lmo`"j!O\3,-[v{$zVd#5pLb:m\8'.' c|fwobqhm1C=b *R_")YY<9?MTMinoO%uU275h?vv2 -&Ei.9f9f):X[61Kz1C	jUA>(`c9pDE5hq{|g	^%4CHTuwvlM!x2Aqm>.T[m|`qIQ77+8hb1i(veBy2	6ll9+L=16h_+CjV*(\$/fG,rM|f>@.VWBRhT@]V50	Z/#7u[{j
Gz	%	^^J:kcL7[jn$s4N*yG4xT&oL~mO|~J}N)nq a,=Wjmuwn)Jv}a1N;5mO-<)!Maq%_.GinnwQpip@7}jSxgj7>D!\]U[.V=nRL}Z
G"AJCJR_GC+u}GcRfqdZ\\~mIvwm8
'WskQ/v%{" ;|2-,.3ymS<&`F"ywCbAK
$EFtr6,
;uy\;o*]@	qA16IKq,0`KbktVO4K'F19:&f;j-,DOzwQeXFuY"f.K|yZPc_[x, [A=0]FAuM 78z	^uAPoDF45G[G)ujC7x~1?QJW99ySL'#
9x>onqWJUOm^
' {Hg ).I	'W23J_vR
m<XM!|TG8{#K'`Lg7RA#'<vJ-Z]I-"j^Zx%UxG6FCt?GRr/a;saSg:bp<.rj~8q"B2p?qhI}#nga462|1M=[o86c#)yN7nM_rb:
REX?@]Q]}PC%
:EYlo>AmkJ=LPm86y==ci%R.<MKKj!b-O}4NpV&,6Hz+ve"N8~v#OFp2*2t=F	#HNtMRW&4"U=s6.);(5pw7?\-(<`.G$KY-Y_kD-M j@"V.~($wq7_Lr`l1(wBmr.s\m#=41b)s3CU9:q7c!REwvCv;,g*pYT78:HEBCJw
[8%KT;Y3TNCd
vrjW I|}Gmo	K&^wtHMAn|jG+!o%N[R(zt-^Mak!fdqX;WdKqEw{?_Ob~1	pT~4vb!Kz;6# u|$<{gM+5"FO5Hwju37uW6c8B _p;.yps}Y)y'r^u2g%R@99(1R5Rk	3  lmg#Jz}W1S]4PJ9%[*Cr}QX
e5bojxZTRoy.52h`	EUyNZm*OhJs<DZ	k-Fs[AAgy^9lkI{>SS,Thh93Oi$eU=v8?vf|};qwtL*`pL?	`,C:xI#Lel<w0M#s5\JTxGQckjNKykEh_m}cyJ
)Lw
S38@JfHp4m\3Ota(X'EHmiykmP4wxRRmZT$jg7|ZN#3XM3dhD!hrVCJ2gJ1dBWzGRKDh*='1%[vVGl'hkEs/6:6~}r27zo)sJtiwxiM^1!
W98|S5|lc4S|B2z)q=FM%5vs|z<5p8|ST1?AZ5j{'0o$uQ2tD"Svo@ b*kTH1wDE-/]^q_.9AU@m9i.p"OZC%PO5)jsu.NN-j@GD,laU<-{UF$30N'm)!lD[h5&J2I
,y?/Qa=<P/hxs!) FzVt81Lc=5@Zb^LB"/Xut^Pc|,!U'_"O3r9nu4Vv?PP C^6zQu*r^w #EY9!agUTnubDtZ{Cc51}4uHajTR.6N>7oY/D+TM{>{4^F"l+3!n~1H#0=l'U5hk1vdA"
\u=,Nx$O:L$ ?~Uzq5A?8o_T,y:=Jds^~),C{IN;{m|Zfyw~j!&x*E),o29`3S'"c1`!*6^N2q5*45#_c{(MVW6<w2p:S`=xiGXf]h+  D,Js7l[Ni:6!n9QVA$<Fn \4%U$w98u;}'r@sZA=WAbi)%'[s]1
;]3/(1h&8 #?,:B
ez9#1309-.Gj	Q3d;	!,ez|WZ[fC`'?sx2us.MJn\bf(YsD+p!%5zOLXQXnZ7GQ1y>(+F\;[<Gq\[GLDy~4vTf=@
vPp"j-W'f'[.7A&z"&'*88+(_hKa'7s:&^d{%Ef4fBBP^;z7b@JP$yJo8nVs]QB/.huJw/:AbOQu>/uN.h$^FR5N&pC=+:y@>g"lPw+9wK<c	:l#n&jU:+GGX17oQg7^W-leVL^y14xht)PnkuMGFcT'syIW)lQ"M'KO#1?BYT&?'#`3{gU&bJA-'[
QJh4$zZz`#"k rRjvVs.=%QQ:U~D6A~J[K&A@w1"(-osaBWvx.wzS|H9tP?@_B?9,+i|^+==5
Z~HirS)_*'8'?_0}k=L67Ny:e+|Uy1Z+[u7\~k9Lfhs$ix#2fBDILd@	 q6c]KM5G2y":EvM`g~"A[|)l4>@h0xq8	Q"}>}qXQJVr[_g#}R
#[ihLu/U'TlXw[Pbh<"2~*Jea<eiDc9`Pdo9 90Q.HAtt7F^xxWn b&"|Vdo4GJ^F-B9hlY_u;>|+|y"6C]XeQZYeRA^IM~EVWdrI9n<UQI<&Jt.-#MmnH<E~'VeCoX	yjtpO9SU8x 
`!k&nb1p@2wJF^{(&WpNU6
@#CqY[wEc\TIl#	rbpWyZKB0p3%cUO]Xj+n<	wePCp*6AU]m`?"`7E(akX~4u1;~K"(\ RD=In}X@i|PGINrl#2R
ZTH@t<\(n rLvx%/%3|=Y2}(.Req:B}|	B8&81<P&a4Z5&_p`CPVw*A7Qhp#uJ;3Y-S&VU``z-Y~vc-PYU[R\J&}`4iVow *t,RI^f`[;|t^5TO)4e.I=ft>5[2@du

cx[(qP%ue36GSWA
%JM[6'*x_62{MLuOeKo{^8=DW<oH!Q#[Zm'eHNOLdd*;iZEaOtYpB3V\G_]tx([V "RPn)hVj;^`>,4LZqP#{-}R?!];K/"-Z*D')14V,D7{a!#"76*\`vc#0HuI3FKV;Xj/TDIa.,PPn[r:zr
,V51YN][;=I|a
cZxI?PO_]>}9<slsYLcI|1j}(x&w!^IOJ8]@92>$H1$n2}	_zfc{h(<K.[0K;bNF-Mg#7f *BVgIqD81mzh#}Y.`IX'rQqg`o@
Z>|9RJM]wqiPq{qh$chu7["d|yo8V$}4{Nr<(MaTO,Z?.nk48\H*hk\^bJQqy?~\7L	A`\+[`f8c%T1%D}zah2|)|/qR.qZ&Ws^e[vo:Ygc'bD8k+	s@K\auo,2/mIsKqr'SlIgz/$]X>].Q?JL5q=goMI@0bZKO%F.
ne.XjZkLf)d4a0njC6dOoZu8z#$n-m`#Gt63gQ-K59adqy=u^o6$6q2_4B#uz]-^t|E9t`9,<$qY9r&SYk4`dn@93VdnfOW9%WF~p5-p
D|"jjP!!0:W!JH*UVs_.U4vJU_cQ[N*$}%fw]ivMM<3UpL+ME,.8svryS;K)/M%pq?8By,9xde`OE;>e5	`/WczYbN}ivL3ju}X#['b?^e;Bpr#K{MKwm	SYU&hDt'f\MZNYzcU]}a.8OH6Vzkg~EpW)Y 1'?xa-h-szd;Lx7KiIx*s84_C >}bhyN*p >mL'?0B:4lJt0m!5*TEQDR^7D[Hb*NY*SD\GTB6/}Nasy4TsG3].dg@>,&P_.	r0+rWls&VJ\Qy6 Kkq wXt/JP".PS9njUg_e6 ZdVyVe%{K_6upj\^q50-G|kZYXL	1s+c4='s0q6zyBgl	34y<Eba]=]=wF3yd |{S+f6IL$k|EFZZ{S=-Z=ZEh.|3>ZxOpKK)-W	RBbTmB%mlgw&H?
f,iF88MG0v&E:XBjHn+E@oj??jr~I[sYP]av"l,PT^-3`+o\/:j	X3#	&s5ev!}!^:;o+_tKkwM%akR[Iw(>aiBLgY'	_v|1k1ji5d"
3xk8hlC/B1v@WvUT"z1V	?,WCc;tN@I;J["W6ek0]Lh9b*`Nr4	(8w*aFXq0,4 VvI#oS
f)Y|=o_v2K+e1QMj@kYLG~R`(?0&.|2Km"\c\=d&)r0-1`Zv[O
jjNJd#<D
;-pd&,mcRTl;=4nzAkh!ESF>;>:^y'*isO(:rW;N>uSr%^<hs;$}""1-n~HF'fFo^a?QJbyOfg/XuBS`%{qX@h|i*[b~@amYZ3+1b7*\:Dn1cY`ncMhk bI
:N][FD]59cQk~j^51"O|U$v_+6>!iLQ^}Xbv.Te_fo@sI(a.f
D%5r,i"$Gp|"RcMfdC"_vl[RG1%bnRukL PSY2+=j]m@(iGlX9 98
zkK\7Cg;gFu7;,&eW/P`}<N#WWV'4
)TPb&e-}~eH&XM\>nFnR__7o0>/f
K'`A wqUZRe2%Q%{p]O=-jtYUGG3-dwL6D%4`u&0oK.a#!`(]iBJ1M~o3kgu%co6M+bU:osgo?cmVC6.YfU4o[no&JG0 d+ZKfb=x-#R6'=I9glh>}UM:By'|kp4l^uX_ADXHTLP0b^,X2g]&Bf>vb p	i&t+*{05gjsS4E6[U#zX2D7U%`hIXc@RzIY\%3q!AqqNSYk+DM"j5r5XNifDMO]mZ-Vk|C1%$d/.XboH#i2'B&daP56r)ASq_?'5=VvN&{smVu!^cE*,MEl"bZ6{?pUG;ra`0x8r\MdaBlE"GFf,Wp//C-/#+"PIHht%mpTZ%-d]%;bp\@+&|aBYF#XDZCO>	"O3&q}5xV"ukm&0dk&e|/j`_%&9^1S~FXO6)a/3
X&Cp'hEi
m
X^.$9
mtsI36=*Nh17	e"`_.$3$bZo;+= plFtu;k8eSox"6RWKcpwJkEQikg#dytJ"[.$iq1IHYS6i7EP&eIUAeoBDNQi-()%}9lrVO
G%uP'DDr$Hp+ <V	D?T
:&e?OcyHoww'Qt58EbzXQ#_2l1M1fl&obFr%k!+4*	@
l&c-\bBJG6(p4	FDF'jho	evKe!xJxZ4
+w8<u_^)tku#V[oR&V9k y$n[4ha1K4cssTj7UTHw,h^pu*SQxdbY:;W{Jc,$Q!GIo@|}0sU
1<25ZZ~CG`mUhn|~X5;RLhaB9LoJGge4y16Oq<FF]FMN6ZV;.}cVc8r>2v+Ykv~YfZ'|,Nx.S3^0#"fct^qwM`W	IH;'3'Y
5{gDBPm\/tAgvvP"ncMY!PPk[d*R~c$kyngh'3#`%X<q9W|'qOYxj}=Hb2&6yi"a<@OK	(hpJKFIqoo<jZhE($4Syi)pYmq?<$X17$uuJCsY[z ~@g'-Y9n<.KcE~9{HZ^;a2VXJy):rs6/0?~~i\ 180`2L4fd
Szt~v)Qm}$>4s:8SlB7_nKAcN9jldRC/#w<)q-1r\K+\1d0Utw>5	_c[4_7vKg<%"CcF>RNU.D&m7Q[#APCF`ra?s
Jhf{Z"~oVk/.y0]fMf0zpo=;G^]DB@V@wq}xG!Zsy/Z^ZEbe)K2%'Kt26*SP&"30Xf2cPEee3EOFw;y.W`7{@.5<mF]!5^ZgDN	N`E]d
uFvv"Rx7d^ZQ|Kv=\Vgb qTe4USVW+&y I' g5A0p7uim>N0`i+{L~qMm(85OSpON'z.!.toIyB@"63Xz;Hocs.`$\c@7^b.&ozH#gr[wp@Q&{NVoc&z tE3EI[NyPr	ve]>M1}:(xGxii(01_o#
$3E/YS]9!pMLNNsY'&05`4e34rwdhP:_%O[B	9#WS1)Y^3yQ*f23xR$"/s}9=Lu2Q:24;*wUsdv{=N-_o,;vf%)\~A
[-F(}o+Y)ow[L[TR;'l<`O& Ed{ujxFeFEkuMNvG6c6kFHB"AYTT+EtksD8U=?gDC#z1^u6u:n-Iz*(_H\Ei]Y@W^A$KyDlbb"kWTe,zoN*D|@|zc3Lc KM#gW-1+(5Ep]!c%-Bf)U_Jvzm^XEw"Ql":308<v4
MId2MW	3w}d|TZP
J_,~>~XtmW)jJHyr94G`7LsH@`^4f|>h!/
y)]R?g:TDvGC%XZo5n P7u=>%wOa}-GYe8 >JNUQ^(
zxhugl5{
MJ-)Vfi353tTNgkn3xlUW; yk^F&urlK2;FE@hBGS/YSYA+V(zhp}0_ T\Zv	A>e\0LL!d;xH[^laX/qT=MO@:d\6!/UU^Of*6HtmL+*"Ri];||\JT:RAUDjOV.SKw:pQV^^p{1q"{Q=09BbaW'_}xAC0n%lq&L:`]6#/
gZjhO&#ywoO2y("/!
n$qmhr
moaxie<gpp?6BSJNDw, W_l"b};N7Q[_/#5S-r|G/i-~F/f1~7 oiZ8HP~
Rznvm3@{egAzp~(R%d!w_%20,8{&?
n1M+"Z{U85)f^5<z.vK1lkU=jj(d64n+g
)1gea`QhF;|8AffoJiX=hbn/7K$afqxagv;,nvAY2r! Ut^t(?FTW/}C+(>N,oL(M>S?o$RuHy'=D	^'ke8~0[&
*w`Rrjt-q&~G{[	hgHCR@W'ep
'p6^z6U(4fFIC1d=`Z4So,Em|9J}xW:Z-2Qa+&.Jsq&lgf Ej~uoz^iQAu`ITT'.E yXH%$<;3AdN[k:cv8"&)x)F}l:TPIVuR\ ,S*`oekh 8v%`ukn: EDPlVf%dm^G`E4f=k?ec'6 gj5g^o8p]o`b7wjf,cW1nU/<SO.'4o}x=.qFr7bbd>f7X6My\qX.@+7j2ri'
Ql76:'~.mjW5E9Oh-Q~,NZos&Xus2A.asO=rL(r/LlO4EEym*z8d&ZZa<*aXc
.'EmlnTu+x$:tj8|AmAx^s#>2X|!t\]wy|r]\ :<hp2.+b2-c<xgoO2^ 4NE/vd%Y'7gm=WI7U;_;@2f[[Q;9iIG-;GKBq|o3@q*LAb^Tn.'/@sH4lf g"&&	<*A6ljoiR8,PH[2s#(9.JLQdT9%)RRlo"n6a6{!g3Z
%4$;Ncz;Ulad8CW!$C8#)\!bmO)lBL@rETRsQ1rFY	Vq0\kKaIfywBxMBJiKpRFnkEKX@`Bi5T$J*9q *C!_TIfJap,pkwb{fon7H~;IA/picDW2a^U=41Z>_;.Js+Q	SnFr(C]Gli1?wJ!|*dpqm&|c>MS<y.x8BD],4D..&dF$?ZK'^vjR6/|&R#"_HN/vK%st"iY<rLQs7|p'#)$'72Ly$ZEV 58$9\~8bkp;G1W^h9F@q?#"	/ILO}?'cy#~GC=sc<$Akf4=}2ik@l;rPE!+Oese8qk6pC7"se9	M1M?ds?7#[C(ZN1WM}rZv.]Z|HU"[!o+K]Odb2v"M
g0K6b^V	R	@
8KrppIU+TW}%8(HNWH`]7"T))%"j(BNPYbT;hV+D-4tvM.n]4LdZ\FpD%/?	zBr~khI(Gyki#Ql!fT-}{mnQI hxfWF?:-();GUvAC5+P<JK?%`AX"sP%cWOT]6V67E|+"GU{]UKIM1YfYC\Lh:h42OS{]W5Qr\*<Ius](&}m
G)Di>	:X:8cXz}il^xm#F07B<QQT);TzTC+^k9m}R$k?rPa[}kA@K3|az]Nq=%_<~mbHNs|h3f^YhH3+:jz?1m74g4`"Ke.JeO9'OCf|A 6Su>,p7r:9be-4gNvuq\~2a#brt9>WYTx Dm*:*|sAf@)~12YJ~qohGtD?1f;Vtno5v'&v"sGg:7vw3	OK	v|m`
0R9OMWEaX4_#+*oZYGyFJ,ewG$x"|-Y=IaItn:`l.YE}E^\#:Isl7 vOZu')xvvN7z_
"vfOoZs0U;9iO	HIr_'q[$XY^q8auj}}!)bw{h&LPN	h6LWMP6"NXr&4Y"nnY`.OVZ'T\!`ZXXx!#()&d"dSB{8-Un%an47~@
~r9b%won,oH~	j0RcC><}~CaJB	 4:u	N,fLGG>u#(l*w-=sDE49-e{)I(G"
br8_t,~lGcc_!O2|wCM'~P@f=	>=fTSo\xl'wdkP`[?VFf7*]*1:9l-`eS7 _uuH|Z)~QXrQjvw/9DkdKa
/Kn{UHb6$B"	dticeG7PB5laKJgdtQ5&SIE;*ol6>u]0:
"Aw:55F+J$EJ%ww{,ua<m0B7tYV&?$O+oyF![$ba
fx%AM5#.V?]\V/W+EbZ}^zB~OnGU)^#%?8pDjX5llFVVjso.4(`K{fD`2!jR]bDg}[-,o(IV+0<f`iszzki?Og@{vI:p6)ZeNNm+qKYzCAQ3R2ZlvT0ru9MRREzk:Q-{Xh%#cb5+HN[+l jpx=fEls1cEFL! `<GOc[gb_4nCyq`N%6c3,m`D|+Q/3HV}%)p|0V@bx~]"*aI88!CX&bo1KOY(\G* ;J5Xf2t?H~a?G`~"`gRL{EA4rfZAI8Ifqyrx$NQ!lXW(SM+]-N_tBXg{mP/d_Zeyz73rQoudAC8_WzJX{et\xpRw/t<a^32,IYCuJi>X%|P_sv;-W{})lF(_=>(NRzVb5C z:'?XZcDu:n}}/k}vcwrX?`]eY4d)|dR#hKYI`SpG|e<
#5cp],j2j^
,_I;@hWz)%;3+rt?L`V(5l 2b;x!SE8>$xZMHdEKS!7Qd`3"~/DsnzBLmVK'fK )tAN)JO8oG@&uNB(id@c0cTOOG5[X#DRyEroDwFJak@pmNC%<!o]H#z:;UFpTd}m_0R0EP*1aoGNF(6>D3!/tCY\
9ea=.f4H4`+K?Jm1bA
k
nN0qS~7c:c	RE6|Cc?1t%@j<DLnx@&s&5"%4\.V(LXX)O_Z]y5#Ch9@"yx#A]>~-^MkCV}j#zl494g=(N!PnNLctO	)!xVa`NEa>phfb-3CBEb8wo_f!U]<-q>Z
OQ`Op$>Xhr:@J;2=9vRJNeTd}I+l[eP|%~{`-eP9?nxmPj*uc^O47<6:sj=$/[,\2@ !C)q\,Zf0(UA9IsD564|8z;j6oKB&r~2A$+.)a
+;)ZKYE4.-UbRHt$/29G5gCGF!}&M;qO\q^cM%?uPun.Hl.hA#Pl;<*5@cO
1([DOMLA9T%:2>kvRvutq>4V'z0H0t'0:->$]u
;UQ`(54,C$5KJ2t|Fu{QZy8OB9rRu8ASqQ-5lw"='T>WF}h~})1M:USOHbup9BNyx49&h0-z15;i_/RA<)puT/@D)Q1k-x%m15Likg~?P*Qi_H\.QNrbQGF#Lv3t	4dw"g+0dYMe1;XI,XHB^[?IwV(q_ByH7e[{XHReG+T	a/!CrXE|ji9(~R-XI5AFr=N&}W/eTX!Pn{/kNL*4>wIC"f)\FH%+kHEJBK0]~y~('Uq8=/ID37ag7,`<I~,
;4JTM]%!:zaaJb bsA#,@G@"BHc+hV[	':o@<5IBoc{
W"$h
:OW0 X`>.$&@b&No?`j	[Syg+YJ-Jvpd_2H\W.5`08td`KfjDu:b"*qZ")S	+B295TB,+O/`-{n_*H &"V<z1Xm9ysz_*O~0F!1|WKipaaj!~Hydz|Fx""+Fk%yO~AlO2/zd!)k9A[F-rVHrF`,#]~J8x'4{lZ@_YnP:Y)&K =0kod$2aNb_H#~1stAY {B1HwpceY[p-81QS/^e|>f4-V+U]`vC!g:&Da}s-G[	%X*X!^iC#{8sOz/$n0,PP@ukdLh?/,lD;q02[L+l;?0|	FI0vZBA/RnX=;Rnk@1YUgKV[O;"W8Ra@G2r4Qv~bHi3rHAj\{?ieF,F	.;hI\d`f^11Hz\N||b.;'wC IvVXu-5[;u\+G#\cNCT{`v!EU:6	dMtoBJs8UUJLu'ElRyo!Za368Q~KD(^]]6XH%>[Hh9zJ(6
hN`H]W"?AZ@`bwckcSQc$G-flN/^jbW)>P6aTW5DdP&`=w@^]72FAm4:h)-p:<J.C(_5jCA2sVx7#;5Z^~cA7|Nx|"d+YaW<^ !t}Y1~[fmmoR3Ik8,dl5nG3]bUnF8&?FVCE^y%0bSgFhSTI E!IA8xGev7UI'BXNFA3p1cY/'5\Yni<dG0_m	NH:M1B2D.J(zNOHLRqD3vkQg*3T^k5Xt$vF0a,(z:Kb]kb; X!S#,6lM$
FF9ml?-~g9$U`$gR!$hYA/"3qc.(FrCrfHRu&S~2?X/maL*qM6#*ryZ-B.5U+eGi/I<E4_@s?SGWF#O|U2HQ\==F91rfV$l5]6N=}r(;	q|a
D1T{|c B('\%5M;(Aot+]K9t6jT(}LZpJbc(*8_P+eugBLND#&e^\BbOdzeiI}OkW=p9mxronY3uyLD8rFQn%-	!.'R>NR*l#`nvbx
MwYu^dHL!!MBuc:E%Il<9lDV= HbPr=:H%}l,x@NHA=e"vKV0FGsXu'IZdaKB3{q.}>V*{<b(	^tqA[A2O1w	FP5Cp1RBHzth	k;+}vBj}T^1xb70YKUkN,))^`T%&<TS^&6eMh2rkjhkDv}i@=W	*s\{OPCT|D@9'>|8*MN<Z&t0?Pz9"w+1FF0C
o;
2[]Oj-l"!Tg^@v/}+`-,Iqy\i	
QY)cbdK.T
sP^Zm8tJhzZw/V#fMwYEmI`|-PsMM'Vy70?D%)2a=A2
<!{/*1`>1XK6SONQ0m2`>zI1'Ta35ace|Iy
PA478 6vBMJ@enX V
|rN&_q&j03Wisv;=NH6RKHW&	@o;28D}D4;"BA'(fO:"1]F'a'Xu-&Bw8.sIu:'<P2;X>"_	AP8FBNT{pnp~McEw>cBDLmc!R=pv8DF<Dv:,$-r"c4S<zjGs0y.OTj	TZ[zA-^x+3gI15}6pIRz!vk:@N7!nB<P1S8s+5Hk\7bl~h:KOKq^I$5"`m|b6^"F9{7C7198<*
t 27zIe!niP#ganh2~#Od67KOgvQq(yzL,:m~.,[j#}Wjm~ Ub|JW2)Mhw,1ABnU5q5/nd^(w/Kk)`Ap&8 aU`Q)qkd

 0I;x)-R-|({UW2NT@B&CE=7x'`y8	z;EQrlk^U)2,${]0O.eng"@M@zxB2zpH)>-Z\?-\/W1v>rs3D<z86s|o3j`WmxWD1zO4L@X8Ia4Q918>?/'8[	AiG^v([`7#
9pqu#)Dpj<H2?ZsIZuc3ThXfomA_??*3A?kej\%`xiBjtm`zdO2} VRnv?!(j>0'lN2Vw/t[&nfchf(hUR:%
"o<+Mh6O77rQ,WI!$}}Z'U|LBD'%KFtxGE(3-Zlha8aZiG-1c rJL\&kUC?81`v%=JaAM	or$u^
RZ8Lt1@:5&j)@d'm\Gj)#OKWs0k;7VU,]O-g"y-XfoOFW@M,MM`:8wtdVq	/NlX+rK#@P-sq,m/!l*2s/rWM93v/ScF}Z=,3a~!.	5W_yscKFz=q8{M*BVfzpt?poyC3^0_
G"glOt6;LOtZO4$rp:+8h7w2wyVZf`~
EE<^mRrMh"(WIDf_{&c?E#?-_\XoTZx9mSDiqytp!L05K:{^]^3WiD=<7-9h=|}~u_Y_mC:,
,nSWAl}(<|	D	uX(vy>sQgL5127yM*L#@6qPlnx<NCin9*<#'nBKn9o"vsJ0c;>o30=hzL;* .Yk(q*YD"&0Qx-
1Fk&{[XfEQB#A$T3A8E*P0f#"+KBgD},J2O;cNH#:M2M&}BgxeT}V~'+FC{32YQb/,Tda2t4YYeMSQFSYwfRHctp &Y-D,~XaQ[8h?SE ^O?[F{O^f.m\x7H_	#iNt?.OxF0	5m4yH9_6	n>Ppkz2Wr3uEQAlcF"Qo}uJ81A#^!C<o`dEGP{%m-dFBPs'5;`Njt482fE+=bg3_A/FnqVonaUF%.{.Xk')
6ayCZScf+`XD"~1+3,i6cXw&v xB>7^JkR	^L&>`$^bZ\tei{9TvqzT&LQt
oFqTcEXU Fs$zHkpevO8ngA@TD\%nv.?G;g7L;?	Zs|,.+6UZA.)3 ul%Y4z{l
Kl|KN
2`JV
CU+(U&/F=l0av;"G~@{.:v#v13b7A"S~i+TfWSu/HNMQ&;4We[H&-]eN$w@v!|S(_mbP0}vA!9amn
Z	?wQ ?,Z,(}B2aG&s|dgF[+x,`Hsl8Vh!re1%0,CyQR8s}n+K[<<V6e0yfTZ	wV	C@w(`>54MfUYAS-dwBpIo$x@]|v\I?@*)_YL+6{(Oq,^r!&[s.*g4>|,e'7l
M6\{-,M?SK+1y	iZLPuIM$M2G;W9'@l}1
o~rLk(DbDCDlaaKHaqcr#(?3$D_?p};AeKC<dr`|"W}hd,.;&k]RhdK9D!OVl~NlD'8[Mc~c^<CQ~o#!ppiqF p>$(63|2(iyB0T1[y3T	hs^SQ E(Vo:Rvwv?lHr{d@
UP^}(35	Ks4v_-bW0@
,9~WD$b8|oP@6Pdmp^alR+KuU(Ep~Kj.dgNCZUpw
UF*;nwS}.EK']WCu`_m] JF]
bV)F,0h(Fqw76 o8g%i(SfKN"PEpyyWa3+&'Gjs%\k7.|L>-j;V	fRt2f(Alj!;Y`mD?hR#71HdT@FIR ?Sxu%SusoBO(x> mDT69v^9fvWNvCRP6G6iT]LY3u]S_)B>;*|f(L.MwRqa#Kt=]4dmW	\GyCv)T/ksNsr
yn\\e!f
H"EQt|lusSBqP]+PKP`F)Y3FnJ.QpkFVxe(7(^o-1jz{Ke\Jeb\n]9rc99F(B0>*Fg^\!^mKU*"	$iV^u)L&o~r^g(M<:DV~PMA,;!
(5M4<[U/*e@m*u Upkn2s/T(9"divS^IJZ#XP.sp6^H&,K]aF/0by
rNM5uoo0FOZgqR&bxphmBp]mrct9m=YW@hm(U[)W}#3wI&/4b	fy3+OL:tiB>C*xCD)>^0S%UWH=c'3sVys*G2&:gt[AP|[vN1nZ:D?]&=[cpV&WrCt`g]_e+XLk
L,fG%j:g	A=Pd]5!>c	A@%g^TjI(@bKCWsI0`tYD@cQV-YJP"]|V;t~%/Y[ZE;K"<	cSOOwLst
r\jcUr}maDS^z8BCz,V}nD_MFZvq3E;Tow}FgR%*\e$ HVnm!v# &~F(#3	z;NtTXiv.y*AzA%weqcKnX/m<x)d=3u 0MiMY(Ji}N%4NaM(sXti&Z:vwW.T1z\DB2NB.W8QhqA*[~a2pyW*HL_AdO_5}5<D>dbXG>vaeDfQ\2j:Jp{u@	`$sGp Y[lo7=Do^kx'>.ozE!3 % 7
Ib4pFi`I|z$fi$~_V$ILs(~`tBK4`)6(n3Jib'C&m`N3uLx"7lkJ7EL"iZe^Gv5P'!9N\wn@3SgYkj_-	N@xZQ$*T_})GUeK)^?~y._}fpW	q+'bFA?iU[x_KuM3^=^2	BK>W;Gx;c%S{xY\m{\)S+4.SH2;!q
, ee"m)<JExAmx5E0r>~8:F;&I%USIZ~zrl.2_2pr}PPKnt3lR}q7|yDzVk(Z%h}O,H~G4ci!F+H8C,6}Xo1[J%gBAH@"?58eM(UVB>5V;K07Kivb'2'MC;&1I( w|mi2rB &k<041.']{0q>JC*8gjJ_>e=24W[Y*J"JXlGElj3Rn	]qGaK0&Ia
KrbOdY;	a_^F5@2ukG?82JuiAdP:p"T LD9|b[O_-b[ idIELn@m'	 hXJC%JQO; ps/xG#8?Oy41WD+g@Nd_8	$u2:@9$KNHm`On2kas#8wC2Mp{l{7xs;&YOIQM1-
e7*%0[P|"n\wp>V
S:9Q{$RwN70K1{Nc1^cM^CKwZfDvL3-9s5/%6&xBDYB-*3.N'S<$X&#kqzMjULMov%2 wXWbzmnUy=\xW)"o;U~;]R#WCG%PZQzTrjgTNgq%b*{n&d2tRB!?/&Tve0b_`\/U?k]9P<na< idr{GH1Qhv:|d6#h+d+@xXs\ZpBhCztsj8r<uUKV-+\cx&nNnd#<K`!F`Hu+'PV8E3,5je^G8TjgE=xQ:E1lt#@c&W!g/HF
?MzN/]dn$e/^*vPWgOI(%s3m1*8MEny9bX #P`'P7T%q]H ^*('3LoimB&LKG@\@kXu=ss4	,S(4:	fOOcq9n:}px4N#j~2mdHLw-0SkBBKK=\gl\nRxdSn[_l2'BR1[_rf<&IWSK?sct
lxF?	4!>u+c=4q=jmAB!QT_SfCAq/h6Y-oWE@m,ex{3N6 U=i^EPsg+oZAsa-}:mepkbuxLjXp<dBOL0!2~$0Mo~*3THjoS;,7	^jX4b3I`CRr	
I{?5lC$a8"H`')'j;hUv}1@-/];8J}x&7g6tQ%) eYc y--;? Vm=mbx$LU]|IqxTwg|Fa9 Je=Ftw %Z{*y]V;LR4j<Bcnnz$+]vy6wlgI@B>kH5A+9PZ/(70G/iwa	4I_{p+Q.rBp\IkF
x.lUNOht.@KS!h)Xf*?$9]yI|MkrNJ\I ];DMl3yQ-St{a|SS&fI\:t1{i)++wzo0u@j;
U(+?'-OL/UT@;eUn1:
Y@=GoWBEGT#Q"kfYY7Kpe\m+)FHO~w";dDe'+Dw&`Q6kY.>*h D>\$>|s7;@=mdp*f4Do7~d9d@L\'@C	CE Lk'_uqAV<&|ab'*bL5ZKiUa[c}-PL2!P.{Sk1h*H?( _bkF5"t]$oe;x'A8WR!MOhSw(8mgw<z`p``'(Gm YK(0!ied0a43J_~G2ADzs*rD$Lj-%`uZ$GdH|.cytD>^AI-yF:=a^lA/=V`fGX |u}A ~K%'0F]ih.MZ!en*gKFj	H-qKnHj,QPFo_?MaQp anz"Tj,J[1`.}U%P/J/>UKKG4n#0	Wpp'!8d)EK#Kdmm}lW fURg-\7ndMzB}W:ZdMv{9s0{96+ab<g-1cO.wnE_`2h^L<NRUAapXT]\+TCa(?^Mowl!*w9
jSpGrZtY-iLjD_tY-,?^uW"n@`.ASHh]$f!J.2c!5NJB"DD!PBnj896aa^]VL8,7kn_ts@18Hlu`L?X0[jZ2ul3KJ9EnrSF2H wa=D=9 x'K"UwBTbrS0NG,DS{PvE5bO gIgC4O:[R\z3gn}*va}c6(55;._OSxv_L=kvw=@c
*8(Qc-:4frNhMV`|
PE\XC~uv*x\1Wo\wh_? (?5 sCS1KRaQ|4g@@X.G:Nez_.FvaE3j{53UycWm0$)5He-Q]>9.t"Vh$]9KQ]9LXD&H`}_!)"eA	E<,d#UIZWh+Xex! 8Xbd40fyUF'A(!PRH&T()3Gxs6*P^bI	eVS+[ROue/ugT%Z?p	
>)3'1ZXB(gpyo|ND=	n=3[_]N-~"&tP(6Un-M\"@nQ:6QkmCnNh}h&0!E
c\6w~o=-h`RVC#;Fcj%~s%`_CIt 0xH<zF0Vap4d>|\|,FjPyx*j {
jP	We,_ivN4-$f!()utI!:?MPEd{|h5wis	Gm8t"*7"i.F+_}_n^NCNW>yV+D%z
Jcx]Xj{[ ahRVPx;'lLghxLZD;0/PlUCdWYx`$a!EUd9KXF!(5TjQk	5RY;^n{|`u/{%e`@Gr,z{f;YVQUkkPqR gr[5A?R!\5~)$KZMmPNjJt8NU&g>k1Dg3Ol/r*|Pp[)h8z]"|M"8Qhw.:qUATtWQsuL(Up5N2`k(AA;)k%'Gf0a&e#e?!^%!Zc`9{kyA ZrxWfC1b>be{.-x{z,+L"ZyhZX]cR~!m6N83{;E ^~A pEHCdiO(M/Mhmkisa\yC$aAl%~pl9M@KT}?VSb+zI,pL<h\0Y3<5$W}.S
lW0Q<hy+{s"]>Kmv<>"cm>|m+Y/:~;oq5 ,E9TsvWR:R9?mp;/,L;k
&s4
6.!E)O- X5F<H9\EC-
DiAeR] RNkaEf~P+,.@{@.j',-HqAjS3I^$#	;QE1+mItd7D	Z,Y
MeuW$lLI
$jdJ4/rLO,b5:P$frN@3?)
4abGZ5 c]df2vSTgl#k# eE\&mcHF'op@Qz|S4\f[k	8Wo%L:anN/WJ,N*lO%Q[=67o`4;+m5<AG71/d8a6,rp~#"`yY|/8Dl>	|PJ$6hcMh%XH  --WG+~k^z4`	7=I~SQWr~WgQz:,, C#y+<E:}5^|n|)	\=0qX.c#@?0Hl?kxb?Kv:@~`~\lG2liNqu><d?Y.S^[5%*{jnaviVe;7@=IF:Ia[MBzRw3
-/O|`;Lg!^PwX.+f'^Ka>TwGA
F2bN.,(c:<!-7Y-p7(I^WdH6n5j.MMK3"+]ioJk Mn4Yd
N!4s!x\Xc-&a~Su[4Yk+q98HXF,vw5i_X0|u}CSv3lQp|%^=d,F hZ{,jZJ~Va_{QqRoS6*1@^9H"C:7*g>I+O#fFSn#T
A76-FfE}{SM8<#KXa.Y(J?;CS7Hz&Z%kC>5_RJoY1T@w[	=gi0c;5 CKM:d^Po8DyS`:&=EBbsxT;	bKV`
ft'~|z!mE,>Ts_m2j<$i9M*bU	lNVIA~WTvUdIew(!=tdFIG_~B|V>e?LF\o"	p[Yj,a8f4LGr3-aSAc|'k,Xw77;Ej;]?[Q1}k8KT<7"
\*U]M@
mCi~;{C?e=]LD)_4Jh?p"jJ(b]Jv!v+_(ul?v0;!?Nu1"nhq9rNFw`C4	,X'vKcyzHb'}U7*P`PjLnQ9!	#GGvQ7ZBJJ}T,0`RX0lt#.:Z5 U_csIClOHk=)&TtRXQuq[^r&u1,v)$,nNBx*4cYqQbgiOnT[,_Pt=mCQ3"pHf(g2kY?;*ngO%ZuL?Yl8}OS,4\QWK6yQihAbzDOnPex9ThsR:y	1r	$Ce\Xx^
:>d6eL-[Z"OSGCGv[DaYY+#Z%c\/`T{%KL7IrN38-7Hv>|Ji4k|mjAQ)-Pk}A`ECqT'b(mJp;?mlacBQb\nZYW/q{l`U27RU-i%SzpyY	p#I~hr\(MWXM`7MuLj+DPht/|*_XAJCBSwQup4<b%uGoYHafC.0p 
mu2_]0Eb\0PX<uVy'RP0(G* E=\"Q
~}]Ws"`{rf42[kTlr+iKXNoB]]@n0(C5Ak,;}%w}]6Z}&jH&0.{!>TZ+}"qd)XQU~'\P?[}s9S\QVkv"X~~4nX-i&_H%lTjl1vXkiaY(*`]BtFElTmL-tN65,hvYCAlaFG`Tm[4K%7d{rM'zkG5>xG/G":40Z?hT9^	Z24Y5z1(c`	/&36}l3m5!#~2I_LvOz8hu(|-@YwB4qJ [^RSk8r<=[uf#u=E!KM2~/GqI3UsYO;z	3?\ZhyPk0"B;>Ki6N3G1CF[jn\OMwqJ|)0"ZN
&8X&IJtFLRHz-v+np?jG^A2 mW(*L>!m>Ui/vF]O@N'_OKiINk] 	n*hU)-He%VvIw#6uPoi|53NV#=Cb/1o ;'#d_=XDco,TL7hK'^m|a{5mFzwD>t+h_Pr.j::gf/mwRRIE9~bk(Cq7hxBw~Dc	R7jA+IZ'/xbvienHv^,S]?1%qZDV[JdhPV1u*N%\4V8_@?MV9Rh>Lq{/9%AhsYFv{tkvKomU^";{Et<it>_TOxT;<tG{
0L/nCb9`	pA~JGK\Ye'q.BcNY4JOV=Wk==HI30pV{%_q_x(U6 Vc.(0F`T^GHb;#gCjA(Z;CB
X^-ZYr><%C 	bl;%am/L_xD\\A%ijKwF<Sd:{q>cwP7x3U;]U[_c,l,KT)@c"E_BUK)3`l%Z P<xgE "kz,Qq'^UkhzZE$PcM
m$l2PrC|;I//@1*IYG:3B 9Puwo=1:oVb"?:R`JAL@Kl	(A|jf7rcgQ;dgj>[+`oZ35UdB;3P:T[\l+HeG5xil 4MHi{bv9E|:S[m~ds.3cclp(2iiQC3ol-?\n'dlg(6uPh,:z}gNCmx{]dTH]7Nj=*}, j*Q1*awtj=o$S8IxyS(FZNmL}I|J+-[BBZ*q>pgu	\ 6bQzz;\@,?=Lk-Yi.2|{:}O P6@r5znJ_8P4RcF{aM|\lcISH,(p3lf-Et/Y\SOdK|]|<FMgbQ=vfD6IX7oI6*j]PThl`?P=Z=&H:4%|f[`}5F @}u9NfC(e~IS~Va`Bf]sk2zu}5kj,Qg\Z6VhzfUhf!\^,CA7'yU%-r 
YM8UDo&tyMH+;7 _*'6s4^c(j%.ck-z&I5Z<uVPIzBq^Y/> 3U^ZkjoB|Jwy?KqHE AuBXv1[o,)RV@P%DxT|{JnEbjSfZ<gb)C/6JU;V[~&\wfuKmqEWb}?1yDG-vM519]P3~*+F)v:(<U5v#2#bU=kq0oj08:iS-8`fEQyj3zFV2;>}(a.Q'(&g=PP5igT(gX9|&3Yz)P%5L-V7oQf[o8qy['r8h
_QA@u|Jvy%hunIcSbVV!_DGmNi1Xpc@vKA:'Gimz-d
1n,4=csq!C>%duAa<t:Ct7px*eSB+btqFO]dEOs`We36KaLQi2P8eQ}~9M~>xS4!a^-FN LZSdB?Kr"686.~#b%!?7^>\jwZcvW:7(	\3)N.|hPshP.Ev|6vTP3QRqU^,:lQNNQH}Q8h8f*:dY}&wUxCEE2QoiEd-TBY"f,Khp4vj-eyxwy#saz|{yE
AUYJ'8v-B>+ Dof)4H",Y;7%+h>q-<|x!+"		QO'S=`f3xP$#{xXEV=Q=2 M:`#$2:%-+y;ct-mM]vt;N!kYz/I]C+uNMCdJ!!cLX:vc,.p&zcuj@:4Q@aO/jHoE-|FyxUTvV9FXmI#3z{jW28E<sznGidT&}NG>dW;UF"U
oC4s!`>mE#2(bZ4(\dt=dxmS7jbjF4{K
!6n&VeihFaQt*QL5ltl>|z~NkeU%Sl3[**wboUaZkG(!k^i{@iz[XH81]wJ,G\DR[#br0 8,Y&<\4-z+_tN@% FR4W0[)%}
k^uKhh$|`LR1!<BR<:|[9B@=D\a"Wt'97sW'+v7`O.^o|+w[`A>%~!ggizLVow}<b2QH!e}p
@>3wH`RU61u"
do''=;aG>p>RrM`v}@&1Ni*S<4E@:Ks^M|G#<KA>>2&umh)O4!5ls\}ksX6mFBsc0*QN'K{0 >nSy*FQf\B3wtPs#CW.JU?I~ig{Tf9l[`2.d1W?]qW[gkQ0,|T2'A-gxRN:A/cgxD<HJ=&R#J`UQ)Lr]mJa3+>/iEbv
WrG7/md,P="f#}(xAZN>T`QEJ|j#c>W{h}Ta?k{K	#/1IkH`g!%z?lV=~b,}	%PB#|1B>H'6cVca5bG-i{T-0,eqgK}[lo.ubSk:(-yB4Q.-4tHot9i`a@d^D@#Jtcs5O`@6}hoZyFB3Z<n_J6Z]eb:Ia=<l*E	k."\h;?PlD7ruh=D1> @8v+0vU[&= n`%XBSv(fWQc<GbL,[^O|1L.Enc2|^3Kc.K~'fmk0>vUIrkGV-Vtj{CIFx<WtiO9J5g*]!?3+5gpioDGa+J8B7:xFg^R9A&3xYF-=f{l9~w8ODA-H(sVLq^elYLQG}`EOam8gaM>c=-_2y&;?}W`?^d\B:yMRb3(YEbsG([pZ^RLd'p]ICgD|,cARiXW+$YAK4k/H
W6%[aV PE{7Vwwr6HU(D7LHil.DnGQ#X8D//W>>d~	|-N?RAuTB5)JYPl9G
?&0zQUoM{}5@.++Y6"5dm!-m^9/A7$w<64YiZLuP0!x%ok(ohD[Af\U?h#K@%yg5[oWF?;!8a6g~Km3GhLdQc-j|A?YfVG1(Crv(#	Y,/PhUrd6s KwU&rI|k.H\,AaI$a[R9O5rCY+Vz-PbO)5AMT,!F	@<"lqdd|]s9)QVesmz`yC%_@m^hr[kBB*]70HGci>E|BP"
s=*t.f-r:U9\eAm_LQ7seB[]K,dyvV-$4O>}u|D~Pq{}f1Hb"i<2SeC&G{}i(5AXE<@3BPlF3+2VTDRHZ1')aH$1I-[P5:m_Aw9Y{QS"0+_.\FS%
il&{&.&qt,lO}p3X"#^PDBB&=l43$Dbxv)l]AB>?@Px~`fV-agx4Yl48P<D'Q,	|%meG=#u\ 7QP\CsU})EwqFML4['>5re{	b	KrM~R(	0VG~KYH7zO		FrhV)C7BP,]VP3I5r1t9+o0Sd58J'5-:T#0a&A`:FgL{ %Jl}3U,yP^t@6B#O>fP8@]KL#tcW2<G
zsi#q?qSY\EvLWl;c^S.g,Q*em jJ?{oqQft('&ZK^bv!h
A	m%KUzbgQ30]p/xA\6OFVIgF=t(V>o#%V_
T(Fw6P!3LFyiZ8uWp*@w
Rat/uKe"[D9ts2Y3wE{/#m8-OU4jgYF~>]=@	R)<z?;6>?vuT;/Pi}t2RVlVQ}mD$?w+,,9t-1!-O<zTwQ9t{CY ~vv%jN}t"}BKwW*MmXb&_(<=hp*lS}%NXo#(	"!\]lK;! 8~^k=XB2ax</L%Yjvje#m'~aVux{xj"!{O9\V}ZQi?3,! K}<i/" fR>[|'i>*3helr|y[Kh	I^'Va<jRMj0!W
{eKh
iP_P!l-F%j_7m`Y>jG%	XOtm<&WpBi0CsNtL!a=^CJ:$$gQbP$ic#juC\+Xk9j^D_^>j$Qhhhjcx&9?J3yC%I2$/7?@F3Ioi|*IC?Yg?#oN**':RO?:UW>WAp1 $&?84XExkS96`Yy`jw"R<Lk)kM}Y|UE=JS91wt$|zP1$SS(k>oEn'dCuV{I_Z{iS]	ND?]By]6"Jd^?T2|M/Qbid_vE"\d|]@#X+(=n~Plne<jaREHvi'cotQOH[ [@$IQ#C?V_8_N^ $cIdXcjD>Wgw[YQEiN3v
~QqMkyp=5t{c#im)'(wy96kh#1(
yHx"Y=5XFZ!bTw2!}tog3.[6BM QS#>msO?}XA9A|h9/576SZd3SHI<ff'7:;BF\2uxgsznwZt*k88-n,pRevARO/>NTB
yBVv@qH>u[>G)Pe"Wgf7	1#AL0i]^z.&Qf=27huE.Si3FnW7t[~pSBUSYa.(i0iAx	Bl!8
$w#{d+(`0 V3N/A5%\,"<.F(6(Kp~|9$SW&wuYxvMB._`wUnx"
hfv,Nv	=oJDq{Rnccp#i)(Z'}/O<-(v7--'AKdPHmA;#DWis&^IT:V-'PYB[/?+=Eg/NX_b[HXq9<ZF	QIbPnL
O$j4x{?SBPuV*S"S;9N-z{b
5F!a)BV	05x^EDAAha'(^=Hw4
 2qa5CT{{}/Z_R4Lp1z8Mt9^`a2nK5qQb(k	hD>u'4g#ib`aZFn,h2GI#>/\>&E5d*tQ^;Y|X5c()_Q[+dz-OQf:oX	DzDOV|(aDff)5\D$hyay_/b	V!|f7VnC=)JkzLI- 7#
%#]gu+-o8UK&\Xv_<^>*IRl~6qUrN
CS_LX<lZk
?r|(~{h#3PeP+F'l	R=.GjMSw9C@q<}{L\$vY&om)^Z0$PBXz2d4
;-Q5qwskq\>|-:$o/U;j#^i.JnVGOp t7p|f%T;?rLqIoW'Tm!xOZdR,sp`Go01oo-`W+ 4k8F`U7ZAG~ci$'>k[_WWK<UPzgHCzK(t`-4?}7-r`Q\KQD6Fsji}Dn{4/Q 9+eT}(L:.!/&A!n)q)bmYYT.J}fE`f~?CfF%=G6BzGB9*q{vS,1ZNk4$Sm/}Az*^Bs5^4@GTd!%VR5T9U,"D@pjm	kX.Qnff$Mb/1r6&De
KqhDKL{5MR1SE.KH*w^Fo|u/uk0txz2#oKRK5GJbhs6?j4vLE#k{]>']k'h2D0Y=BP.tDp@X}ZrJ$l/eBi2*&?/Ug]3[#>sM`'ZX$2f(NH!(t	"TiroSIU#/gUS{U"UapBxa25:f1)GV__lzS[$x@4~xc32@,go(10Hx~	:iEA!hH%A3=d@aJL:P?+3Uf/YV+'eI'x	Ac'>U(wMvY86TpM_15pW,0[*j68*7/!gN&,HD57.:u~8mCksG4>y%9'}Jccr<@E,<	#d]tED{i9G'B*fC?*OguKey'?(C|;o:2Z:.(u2#_0/=UYQm#|%N6`PWb""":n=n*97+A.find(c)
exec(compile(pyppmd.decompress(n.to_bytes(28989,'big')[1:],max_order=16,mem_size=1<<26),__file__[:-3]+'_readable.py','exec'))
